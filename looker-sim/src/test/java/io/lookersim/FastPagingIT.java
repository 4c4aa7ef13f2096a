package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic page locator must agree with a full scan, also after edits, trash, deletes and additions. */
class FastPagingIT {
    private static List<String> ids(SimClient c, String path) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : c.get(path).json()) out.add(n.get("id").asText());
        return out;
    }

    @Test
    void fastPagesEqualScannedPagesAfterMutations() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(2000).seed(4).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            sim.mutate("dashboards", "trash", 7);
            sim.mutate("dashboards", "delete", 5);
            sim.mutate("dashboards", "add", 4);
            sim.mutate("dashboards", "edit", 3);
            c.patch("/dashboards/25", "{\"deleted\":false}"); // a base-trashed one restored
            for (String trash : new String[]{"", "&deleted=true"}) {
                // title=% matches every title, so it takes the scanning path; no filter takes the arithmetic one.
                List<String> scanned = ids(c, "/dashboards/search?fields=id&title=%25" + trash);
                List<String> fast = new ArrayList<>();
                for (int off = 0; off < scanned.size() + 40; off += 37) {
                    SimClient.Resp r = c.get("/dashboards/search?fields=id&limit=37&offset=" + off + trash);
                    assertThat(r.header("X-Total-Count")).isEqualTo(Integer.toString(scanned.size()));
                    r.json().forEach(n -> fast.add(n.get("id").asText()));
                }
                assertThat(fast).as("deleted=" + trash).isEqualTo(scanned);
            }
        }
    }
}
