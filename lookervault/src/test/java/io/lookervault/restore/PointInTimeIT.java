package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extract, edit a dashboard, extract again: restoring with --run 1 brings back the first version. */
class PointInTimeIT {
    @TempDir
    Path dir;

    @Test
    void runOneBringsBackTheFirstVersionAfterTheBadChangeWasBackedUp() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(60); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport run1 = RestoreHarness.extract(sim, db);
            String id = api.get("/dashboards/search", Map.of("limit", "1", "sorts", "id", "deleted", "false"))
                    .get(0).path("id").asText();
            JsonNode v1 = api.get("/dashboards/" + id, Map.of());
            api.patch("/dashboards/" + id, Map.of(), Canon.JSON.createObjectNode().put("title", "edited")
                    .put("description", "bad change"));
            JsonNode filter = v1.path("dashboard_filters").path(0);
            if (!filter.isMissingNode()) {
                api.delete("/dashboard_filters/" + filter.path("id").asText(), Map.of());
            }
            ExtractReport run2 = RestoreHarness.extract(sim, db);
            assertThat(run2.runId()).isGreaterThan(run1.runId());

            RestoreReport latest = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", id, null, null,
                    true));
            assertThat(latest.outcomes().get(0).action()).as("the newest backup already holds the bad change")
                    .isEqualTo(Outcome.Action.UNCHANGED);

            RestoreReport future = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", id, null,
                    "2999-01-01", true));
            assertThat(future.sourceRun()).as("--as-of a later date: the newest run").isEqualTo(run2.runId());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RestoreHarness.restore(sim, db,
                    RestoreOptions.single("dashboards", id, null, "2000-01-01T00:00:00Z", true)))
                    .isInstanceOf(RestoreException.class).hasMessageContaining("no extraction run");

            RestoreReport back = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", id,
                    run1.runId(), null, false));
            assertThat(back.sourceRun()).isEqualTo(run1.runId());
            JsonNode now = api.get("/dashboards/" + id, Map.of());
            assertThat(now.path("title").asText()).isEqualTo(v1.path("title").asText());
            assertThat(now.path("description")).isEqualTo(v1.path("description"));
            assertThat(Canon.of(now, (t, x) -> x).path("dashboard_filters"))
                    .isEqualTo(Canon.of(v1, (t, x) -> x).path("dashboard_filters"));
            assertThat(Canon.of(now, (t, x) -> x).path("dashboard_elements"))
                    .isEqualTo(Canon.of(v1, (t, x) -> x).path("dashboard_elements"));
        }
    }

    @Test
    void aSlugHeldByAnotherDashboardIsAConflictInThePlanAndIsLeftOutOnRestore() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(60); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            RestoreHarness.extract(sim, db);
            JsonNode two = api.get("/dashboards/search", Map.of("limit", "2", "sorts", "id", "deleted", "false"));
            String d = two.get(0).path("id").asText();
            String e = two.get(1).path("id").asText();
            String slug = two.get(0).path("slug").asText();
            api.patch("/dashboards/" + d, Map.of(), Canon.JSON.createObjectNode().put("slug", "moved-away"));
            api.patch("/dashboards/" + e, Map.of(), Canon.JSON.createObjectNode().put("slug", slug));

            RestoreReport plan = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", d, null, null,
                    true));
            Outcome o = plan.outcomes().get(plan.outcomes().size() - 1);
            assertThat(o.action()).isEqualTo(Outcome.Action.CONFLICT);
            assertThat(o.notes()).anyMatch(n -> n.contains(slug) && n.contains(e));

            RestoreReport done = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", d, null, null,
                    false));
            assertThat(done.outcomes().get(0).notes()).anyMatch(n -> n.contains("taken"));
            assertThat(api.get("/dashboards/" + e, Map.of()).path("slug").asText()).isEqualTo(slug);
            assertThat(api.get("/dashboards/" + d, Map.of()).path("slug").asText()).isEqualTo("moved-away");
        }
    }
}
