package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookervault.job.RunStatus;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders, looks and dashboards wait item by item (issue #12): each item is restored after the very items it
 * names (its parent folder; its folder; a dashboard's looks), and a dashboard does not wait for looks it does not
 * show, so the steps overlap.
 */
class ItemScheduleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachItemFollowsWhatItNamesAndDashboardsOverlapLooks() throws Exception {
        try (LookerSim a = RestoreHarness.sim(300); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            RestoreHarness.extract(a, db);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            RestoreReport r = RestoreHarness.restore(b, db, RestoreHarness.bulk(8),
                    o -> order.add(o.type() + "/" + o.sourceId()));
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                at.put(order.get(i), i);
            }
            int checked = 0;
            try (Vault v = Vault.open(db)) {
                for (String key : order) {
                    String[] tk = key.split("/", 2);
                    List<String> needs = new ArrayList<>();
                    switch (tk[0]) {
                        case "folders" -> needs.add("folders/" + field(v, tk, "parent_id"));
                        case "looks" -> needs.add("folders/" + field(v, tk, "folder_id"));
                        case "dashboards" -> {
                            needs.add("folders/" + field(v, tk, "folder_id"));
                            for (JsonNode e : doc(v, tk).path("dashboard_elements")) {
                                if (e.hasNonNull("look_id")) {
                                    needs.add("looks/" + e.get("look_id").asText());
                                }
                            }
                        }
                        default -> { }
                    }
                    for (String need : needs) {
                        if (at.containsKey(need)) { // restored in this run (roots are found, not restored)
                            assertThat(at.get(need)).as(key + " after " + need).isLessThan(at.get(key));
                            checked++;
                        }
                    }
                }
            }
            assertThat(checked).as("dependencies checked").isGreaterThan(100);
            int lastLook = order.stream().filter(k -> k.startsWith("looks/")).mapToInt(at::get).max().orElseThrow();
            int firstDashboard = order.stream().filter(k -> k.startsWith("dashboards/")).mapToInt(at::get).min()
                    .orElseThrow();
            assertThat(firstDashboard).as("a dashboard restored before the last look").isLessThan(lastLook);
        }
    }

    private static JsonNode doc(Vault v, String[] typeId) throws Exception {
        return JSON.readTree(v.latestJson(typeId[0], typeId[1]).orElseThrow());
    }

    private static String field(Vault v, String[] typeId, String name) throws Exception {
        return doc(v, typeId).path(name).asText();
    }
}
