package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard's merged-result tiles: the vault holds each merge query, and each of its source queries (embedded
 * in an element or stored beside it), exactly as the simulator answers them; dashboards without such tiles get
 * no extra key.
 */
class MergeQueryIT {
    @TempDir
    Path dir;

    static {
        SimHarness.init();
    }

    @Test
    void storesEveryMergeQueryAndItsSourceQueriesAsLookerAnswersThem() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(150).seed(11).build().start();
             LookerClient api = SimHarness.client(sim)) {
            ExtractReport r = SimHarness.extract(sim, dir.resolve("v.db"), SimHarness.all(4), null);
            int merged = 0;
            int stored = 0;
            try (Vault v = Vault.open(dir.resolve("v.db"))) {
                for (String id : SimHarness.sourceIds(api, ContentType.DASHBOARDS)) {
                    JsonNode doc = SimHarness.JSON.readTree(v.json("dashboards", id, r.runId()).orElseThrow());
                    Set<String> mergeIds = new HashSet<>();
                    doc.path("dashboard_elements").forEach(e -> {
                        if (e.hasNonNull("merge_result_id")) {
                            mergeIds.add(e.get("merge_result_id").asText());
                        }
                    });
                    JsonNode extra = doc.path(ItemFetcher.EXTRA);
                    assertThat(extra.isMissingNode()).as("dashboard " + id + " extra key").isEqualTo(mergeIds.isEmpty());
                    for (String m : mergeIds) {
                        merged++;
                        JsonNode mq = api.get("/merge_queries/" + m, Map.of());
                        assertThat(extra.path("merge_queries").path(m)).as("merge query " + m).isEqualTo(mq);
                        for (JsonNode sq : mq.path("source_queries")) {
                            stored += checkSource(sq.path("query_id").asText(), doc, api);
                        }
                    }
                }
            }
            assertThat(merged).as("merged-result tiles in the simulator").isPositive();
            assertThat(stored).as("source queries stored beside the dashboard").isPositive();
        }
    }

    @Test
    void aLaterFullRunReusesTheStoredMergeAndSourceQueriesInsteadOfAskingAgain() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(150).seed(11).build().start()) {
            Path db = dir.resolve("v.db");
            SimHarness.extract(sim, db, SimHarness.all(4), null);
            long asked = sim.requestLog().stream().filter(e -> e.operationId().equals("merge_query")).count();
            assertThat(asked).as("merge queries fetched by the first run").isPositive();
            int mark = sim.requestLog().size();
            ExtractReport second = SimHarness.extract(sim, db, SimHarness.all(4), null);
            assertThat(sim.requestLog().subList(mark, sim.requestLog().size()))
                    .as("queries and merge queries never change under their id")
                    .noneMatch(e -> e.operationId().equals("merge_query") || e.operationId().equals("query"));
            var dashboards = second.items().get("dashboards");
            assertThat(dashboards.unchanged()).isEqualTo(dashboards.total());
        }
    }

    /** The source query is embedded in an element or stored in the extra key; returns 1 when stored there. */
    private static int checkSource(String qid, JsonNode doc, LookerClient api) throws Exception {
        JsonNode q = api.get("/queries/" + qid, Map.of());
        for (JsonNode e : doc.path("dashboard_elements")) {
            if (qid.equals(e.path("query").path("id").asText(null))) {
                assertThat(doc.path(ItemFetcher.EXTRA).path("queries").has(qid)).as("embedded query " + qid).isFalse();
                return 0;
            }
        }
        assertThat(doc.path(ItemFetcher.EXTRA).path("queries").path(qid)).as("query " + qid).isEqualTo(q);
        return 1;
    }
}
