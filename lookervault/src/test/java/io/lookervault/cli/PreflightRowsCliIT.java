package io.lookervault.cli;

import static io.lookervault.cli.SimPair.obj;
import static io.lookervault.cli.SimPair.writes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10, part 4: the pre-flight names, besides missing models and explores, the connections of the models the
 * content needs that the destination lacks, and the folder, schedule and alert owners and schedule recipients who
 * are not there (and do not come along with the restore), each with the items that would break; through the real
 * CLI against an empty simulator over HTTP.
 */
class PreflightRowsCliIT {
    @TempDir
    Path dir;

    @Test
    void dryRunNamesMissingConnectionsOwnersAndRecipients() throws Exception {
        try (SimPair p = SimPair.start(dir, 5)) {
            LookerSim a = p.a;
            LookerSim b = p.b;
            LookerClient apiA = p.apiA;
            LookerClient apiB = p.apiB;
            JsonNode colleague = null;
            String me = apiA.get("/user", Map.of()).path("id").asText();
            for (JsonNode u : apiA.get("/users", Map.of("fields", "id,email"))) {
                if (!u.path("id").asText().equals(me) && u.hasNonNull("email")) {
                    colleague = u;
                }
            }
            String dashboard = apiA.get("/dashboards/search", Map.of("fields", "id", "limit", "1")).get(0).path("id").asText();
            ObjectNode plan = obj().put("name", "Weekly to a colleague").put("dashboard_id", dashboard).put("crontab", "0 8 * * 1");
            plan.putArray("scheduled_plan_destination").addObject().put("type", "email").put("format", "wysiwyg_pdf")
                    .put("address", colleague.path("email").asText());
            apiA.post("/scheduled_plans", Map.of(), plan);
            assertThat(p.cli(a, "-q", "extract").exitCode()).isZero();
            // an empty Looker has the models but no connections: give it one of the four
            apiB.post("/connections", Map.of(), obj().put("name", "snowflake").put("dialect_name", "snowflake")
                    .put("host", "acme.snowflakecomputing.com").put("database", "ECOMMERCE"));

            CliRun all = p.cli(b, "restore", "bulk", "--dry-run");
            assertThat(all.exitCode()).as(all.err()).isZero();
            assertThat(all.out()).as("a whole restore brings the backup's connections (issue #11) and users along")
                    .doesNotContainPattern("(?m)^connection ").doesNotContainPattern("(owner|recipient) +user ");
            CliRun content = p.cli(b, "restore", "bulk", "dashboards", "looks", "--dry-run");
            assertThat(content.exitCode()).as(content.err()).isZero();
            assertThat(content.out()).containsPattern("connection +bigquery_prod +\\d+ +(dashboards|looks) ")
                    .containsPattern("connection +redshift +\\d+ ").doesNotContainPattern("connection +snowflake");

            CliRun some = p.cli(b, "--output", "json", "restore", "bulk", "folders", "scheduled_plans", "alerts", "--dry-run");
            assertThat(some.exitCode()).as(some.err()).isZero();
            JsonNode missing = JsonOutput.MAPPER.readTree(some.out()).path("preflight").path("missing");
            List<String> ownerItems = items(missing, "owner");
            assertThat(ownerItems).anyMatch(i -> i.startsWith("folders ")).anyMatch(i -> i.startsWith("scheduled_plans "))
                    .anyMatch(i -> i.startsWith("alerts "));
            JsonNode recipient = row(missing, "recipient");
            assertThat(recipient.path("name").asText()).isEqualTo("user " + colleague.path("id").asText() + " "
                    + colleague.path("email").asText());
            assertThat(recipient.path("items").toString()).contains("Weekly to a colleague");
            assertThat(items(missing, "connection")).as("no content queried in these types").isEmpty();

            CliRun table = p.cli(b, "restore", "bulk", "scheduled_plans", "--dry-run");
            assertThat(table.out()).containsPattern("recipient +user " + colleague.path("id").asText() + " \\S+ +1 +scheduled_plans \\d+"
                    + " \"Weekly to a colleague\"");
        }
    }

    private static List<String> items(JsonNode missing, String kind) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : missing) {
            if (m.path("kind").asText().equals(kind)) {
                m.path("items").forEach(i -> out.add(i.asText()));
            }
        }
        return out;
    }

    private static JsonNode row(JsonNode missing, String kind) {
        for (JsonNode m : missing) {
            if (m.path("kind").asText().equals(kind)) {
                return m;
            }
        }
        throw new AssertionError("no " + kind + " row in " + missing);
    }

}
