package io.lookervault.cli;

import static io.lookervault.cli.SimPair.obj;
import static io.lookervault.cli.SimPair.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 3: LookML dashboards as their own content type, through the real CLI over HTTP. They are backed up
 * with their tiles and filters; a restore brings back their linked user-defined copies: {@code sync} (the default)
 * puts a damaged copy right in place and leaves a sound one alone, {@code import} makes the copies again on an
 * empty Looker that has the model (in their folder, or in {@code --lookml-into-folder}), and a LookML dashboard whose
 * model the destination lacks is named by the pre-flight and skipped with the reason.
 */
class LookmlDashboardsCliIT {
    private static final String OVERVIEW = "thelook::overview";

    @TempDir
    Path dir;

    @Test
    void backedUpShownSyncedInPlaceImportedIntoAnEmptyLookerAndSkippedWithoutTheirModel() throws Exception {
        try (SimPair p = SimPair.start(dir, 5)) {
            LookerSim a = p.a;
            LookerSim b = p.b;
            LookerClient apiA = p.apiA;
            LookerClient apiB = p.apiB;
            String folder = id(apiA.post("/folders", Map.of(), obj().put("name", "Team copies").put("parent_id", sharedRoot(apiA))));
            String copy = id(apiA.post("/dashboards/" + OVERVIEW + "/import/" + folder, Map.of(), obj().put("title", "Overview (team)")));
            apiA.post("/dashboards/ecommerce::overview/import/" + folder, Map.of(), obj());
            assertThat(p.cli(a, "-q", "extract").exitCode()).isZero();

            CliRun list = p.cli(a, "list", "lookml_dashboards");
            assertThat(list.out()).contains(OVERVIEW).contains("finance::kpi_summary").doesNotContain("Overview (team)");
            JsonNode shown = JsonOutput.MAPPER.readTree(p.cli(a, "--output", "json", "show", "lookml_dashboards", OVERVIEW).out());
            assertThat(shown.toString()).contains("dashboard_elements").contains("\"dashboard_filter_name\":\"Date\"");

            // sync in place: a damaged linked copy is rebuilt from its LookML dashboard; a sound one is left alone
            JsonNode tile = apiA.get("/dashboards/" + copy, Map.of()).path("dashboard_elements").get(0);
            apiA.delete("/dashboard_elements/" + id(tile), Map.of());
            CliRun synced = p.cli(a, "restore", "single", "lookml_dashboards", OVERVIEW);
            assertThat(synced.exitCode()).as(synced.out() + synced.err()).isZero();
            assertThat(synced.out()).containsPattern("lookml_dashboards +thelook::overview +update").contains("linked copies synced");
            assertThat(apiA.get("/dashboards/" + copy, Map.of()).path("dashboard_elements")).hasSize(3);
            int mark = a.requestLog().size();
            CliRun again = p.cli(a, "restore", "single", "lookml_dashboards", OVERVIEW);
            assertThat(again.out()).containsPattern("lookml_dashboards +0 +0 +1 +0 +0");
            assertThat(writes(a, mark)).as("a sound copy is not synced").isZero();

            // an empty Looker with the thelook model but without ecommerce
            delete(apiB, "/lookml_models/ecommerce");
            CliRun plan = p.cli(b, "restore", "bulk", "folders", "lookml_dashboards", "--dry-run");
            assertThat(plan.out()).containsPattern("model +ecommerce +\\d+ +lookml_dashboards ecommerce::");
            CliRun imported = p.cli(b, "--output", "json", "restore", "bulk", "folders", "lookml_dashboards",
                    "--lookml-dashboards", "import", "--allow-missing", "--yes");
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            JsonNode outcomes = JsonOutput.MAPPER.readTree(imported.out()).path("outcomes");
            assertThat(outcome(outcomes, OVERVIEW).path("action").asText()).isEqualTo("CREATE");
            assertThat(outcome(outcomes, "ecommerce::overview").path("action").asText()).isEqualTo("SKIPPED");
            assertThat(outcome(outcomes, "ecommerce::overview").path("notes").get(0).asText())
                    .contains("LookML model ecommerce is missing at the destination");
            JsonNode made = linkedCopies(apiB, OVERVIEW);
            assertThat(made).hasSize(1);
            assertThat(made.get(0).path("title").asText()).isEqualTo("Overview (team)");
            assertThat(apiB.get("/folders/" + made.get(0).path("folder_id").asText(), Map.of()).path("name").asText())
                    .isEqualTo("Team copies");
            assertThat(made.get(0).path("dashboard_elements")).hasSize(3);

            mark = b.requestLog().size();
            CliRun twice = p.cli(b, "restore", "bulk", "folders", "lookml_dashboards", "--lookml-dashboards", "import",
                    "--allow-missing", "--no-validate");
            assertThat(twice.exitCode()).as(twice.err()).isZero();
            assertThat(writes(b, mark)).as("the copy is there: nothing imported twice").isZero();

            String elsewhere = id(apiB.post("/folders", Map.of(), obj().put("name", "Elsewhere").put("parent_id", sharedRoot(apiB))));
            CliRun into = p.cli(b, "restore", "single", "lookml_dashboards", OVERVIEW, "--lookml-dashboards", "import",
                    "--lookml-into-folder", elsewhere);
            assertThat(into.exitCode()).as(into.err()).isZero();
            assertThat(linkedCopies(apiB, OVERVIEW)).hasSize(2);

            CliRun skip = p.cli(b, "restore", "single", "lookml_dashboards", OVERVIEW, "--lookml-dashboards", "skip");
            assertThat(skip.out()).containsPattern("thelook::overview +skipped").contains("--lookml-dashboards skip");
            CliRun bad = p.cli(b, "restore", "single", "lookml_dashboards", OVERVIEW, "--lookml-into-folder", "1");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("--lookml-into-folder needs --lookml-dashboards import");
        }
    }

    private static JsonNode outcome(JsonNode outcomes, String id) {
        for (JsonNode o : outcomes) {
            if (o.path("type").asText().equals("lookml_dashboards") && o.path("source_id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no outcome for " + id + " in " + outcomes);
    }

    /** Every user-defined dashboard at the destination linked to {@code lookml}, in full. */
    private static JsonNode linkedCopies(LookerClient api, String lookml) throws Exception {
        var out = JsonOutput.MAPPER.createArrayNode();
        for (JsonNode d : api.get("/dashboards/search", Map.of("fields", "id"))) {
            JsonNode full = api.get("/dashboards/" + id(d), Map.of());
            if (lookml.equals(full.path("lookml_link_id").asText())) {
                out.add(full);
            }
        }
        return out;
    }

    private static String sharedRoot(LookerClient api) throws Exception {
        return id(api.get("/folders/search", Map.of("is_shared_root", "true")).get(0));
    }

    private static void delete(LookerClient api, String path) throws Exception {
        api.delete(path, Map.of());
    }

    private static String id(JsonNode n) {
        return n.path("id").asText();
    }
}
