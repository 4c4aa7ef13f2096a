package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 4: a restore that "succeeds" but whose tiles cannot run is not a restore. Against a destination
 * that lacks a LookML model the backup queries: the dry run names it and what would break, the restore stops
 * with exit 2 before writing, {@code --allow-missing} restores and then Looker's content validator reports the
 * restored items that cannot run (exit 4); {@code validate} runs the validator alone.
 */
class ContentChecksCliIT {
    @TempDir
    Path dir;

    private static Map<String, String> env(LookerSim sim) {
        return CliRun.restoreEnv(sim);
    }

    @Test
    void dryRunNamesMissingModelsRestoreStopsThenValidationReportsWhatCannotRun() throws Exception {
        try (LookerSim a = LookerSim.builder().port(0).scale(60).seed(5).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(5).build().start()) {
            String db = dir.resolve("v.db").toString();
            assertThat(CliRun.run(dir, env(a), "--db", db, "-q", "extract").exitCode()).isZero();
            CliRun clean = CliRun.run(dir, env(b), "--db", db, "validate");
            assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("0 items with errors");
            dropModel(b, "finance");

            CliRun plan = CliRun.run(dir, env(b), "--db", db, "restore", "bulk", "--dry-run");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(plan.out()).contains("lacks what this content needs").containsPattern("model +finance +\\d+ +dashboards \\d+");
            assertThat(plan.out()).doesNotContainPattern("model +thelook");

            int mark = b.requestLog().size();
            CliRun stopped = CliRun.run(dir, env(b), "--db", db, "restore", "bulk", "--workers", "4", "--yes");
            assertThat(stopped.exitCode()).isEqualTo(2);
            assertThat(stopped.err()).contains("lacks LookML model(s) finance").contains("--allow-missing")
                    .doesNotContain("Exception");
            assertThat(b.requestLog().subList(mark, b.requestLog().size())).as("stopped before writing")
                    .allMatch(e -> e.method().equals("GET") || e.path().endsWith("/login") || e.path().endsWith("/logout"));

            String clean1 = dashboardWithout(db, "finance");
            CliRun single = CliRun.run(dir, env(b), "--db", db, "restore", "single", "dashboards", clean1, "--dry-run");
            assertThat(single.exitCode()).as(single.err()).isZero();
            // an empty Looker has no connections: the only rows are this item's connections
            assertThat(single.out()).as("a single restore is checked for its own item only")
                    .doesNotContainPattern("(?m)^(model|explore|owner|recipient) ")
                    .containsPattern("(?m)^connection +\\S+ +1 +dashboards " + clean1 + " ");

            CliRun restored = CliRun.run(dir, env(b), "--db", db, "--output", "json", "restore", "bulk", "--workers", "4",
                    "--allow-missing", "--yes"); // B is a migration target: --yes, since no restore wrote there yet
            assertThat(restored.exitCode()).as(restored.err()).isEqualTo(4);
            JsonNode doc = JsonOutput.MAPPER.readTree(restored.out());
            assertThat(doc.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(doc.path("preflight").path("missing").get(0).path("name").asText()).isEqualTo("finance");
            JsonNode errors = doc.path("validation").path("errors");
            assertThat(errors).isNotEmpty();
            for (JsonNode e : errors) {
                assertThat(e.path("type").asText()).isIn("dashboards", "looks");
                assertThat(e.path("message").asText()).contains("finance");
            }

            CliRun alone = CliRun.run(dir, env(b), "--db", db, "validate");
            assertThat(alone.exitCode()).isEqualTo(4);
            assertThat(alone.out()).contains("TILE / FILTER").contains("finance");
            CliRun none = CliRun.run(dir, env(b), "--db", db, "restore", "bulk", "--allow-missing", "--no-validate");
            assertThat(none.exitCode()).as("without the validator a clean rerun is a success").isZero();
        }
    }

    private static String dashboardWithout(String db, String model) {
        try (io.lookervault.vault.Vault v = io.lookervault.vault.Vault.open(Path.of(db))) {
            long run = v.runs().get(v.runs().size() - 1).runId();
            for (String id : v.snapshot("dashboards", run).keySet()) {
                String json = v.json("dashboards", id, run).orElseThrow();
                if (!json.contains("\"model\":\"" + model + "\"") && json.contains("\"model\":\"")) {
                    return id;
                }
            }
        }
        throw new AssertionError("every dashboard queries " + model);
    }

    private static void dropModel(LookerSim sim, String model) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String login = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/4.0/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = JsonOutput.MAPPER.readTree(login).path("access_token").asText();
        int status = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/4.0/lookml_models/" + model))
                .header("Authorization", "token " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isEqualTo(204);
    }
}
