package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookersim.fault.FaultRule;
import io.lookervault.looker.LookerClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule's webhook address carries its token: the vault keeps it (a restore writes it back whole), while
 * {@code show}, {@code diff} and the dead-letter queue show only the host.
 */
class WebhookMaskingIT {
    private static final String TOKEN = "T0AAA/B0BBB/zq8SecretHookToken";

    @TempDir
    Path dir;

    @Test
    void aWebhookTokenIsKeptInTheVaultButNeverShown() throws Exception {
        try (LookerSim a = LookerSim.builder().port(0).scale(30).seed(3).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(3).build().start();
             LookerClient api = InspectHarness.client(a)) {
            String dashboard = api.get("/dashboards/search", Map.of("limit", "1")).get(0).path("id").asText();
            ObjectNode plan = InspectHarness.JSON.createObjectNode().put("name", "hook").put("dashboard_id", dashboard)
                    .put("crontab", "0 6 * * *").put("run_as_recipient", false);
            plan.putArray("scheduled_plan_destination").addObject().put("type", "webhook").put("format", "json")
                    .put("address", "https://hooks.slack.com/services/" + TOKEN);
            String planId = api.post("/scheduled_plans", Map.of(), plan).path("id").asText();
            String db = dir.resolve("v.db").toString();
            Map<String, String> envA = CliRun.restoreEnv(a);
            assertThat(CliRun.run(dir, envA, "--db", db, "-q", "extract").exitCode()).isZero();

            CliRun show = CliRun.run(dir, envA, "--db", db, "show", "scheduled_plans", planId);
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).contains("https://hooks.slack.com/***").doesNotContain("SecretHookToken");

            ObjectNode edited = plan.deepCopy();
            ((ObjectNode) edited.get("scheduled_plan_destination").get(0)).put("address",
                    "https://hooks.slack.com/services/T0AAA/B0BBB/anotherSecretHookToken");
            api.patch("/scheduled_plans/" + planId, Map.of(), edited);
            assertThat(CliRun.run(dir, envA, "--db", db, "-q", "extract").exitCode()).isZero();
            CliRun diff = CliRun.run(dir, envA, "--db", db, "--output", "json", "diff", "scheduled_plans", planId,
                    "--from", "1", "--to", "2");
            assertThat(diff.exitCode()).as(diff.err()).isZero();
            assertThat(diff.out()).contains("address").contains("hooks.slack.com/***")
                    .doesNotContain("SecretHookToken");

            b.faults().add(FaultRule.status("create_scheduled_plan", 422).times(1000));
            Map<String, String> envB = CliRun.restoreEnv(b);
            CliRun restore = CliRun.run(dir, envB, "--db", db, "restore", "bulk", "--yes", "--no-validate");
            assertThat(restore.exitCode()).as(restore.err()).isEqualTo(4);
            CliRun dlq = CliRun.run(dir, envB, "--db", db, "--output", "json", "restore", "dlq", "list");
            assertThat(dlq.out()).contains("scheduled_plans").doesNotContain("SecretHookToken");
            JsonNode letters = InspectHarness.JSON.readTree(dlq.out());
            for (JsonNode l : letters.isArray() ? letters : letters.path("dead_letters")) {
                CliRun one = CliRun.run(dir, envB, "--db", db, "restore", "dlq", "show", l.path("dlq_id").asText());
                assertThat(one.out() + one.err()).doesNotContain("SecretHookToken");
            }

            b.faults().clear();
            assertThat(CliRun.run(dir, envB, "--db", db, "restore", "dlq", "retry").exitCode()).isZero();
            boolean whole = false;
            try (LookerClient bApi = InspectHarness.client(b)) {
                for (JsonNode p : bApi.get("/scheduled_plans", Map.of("all_users", "true"))) {
                    for (JsonNode d : p.path("scheduled_plan_destination")) {
                        whole |= d.path("address").asText().endsWith("anotherSecretHookToken");
                    }
                }
            }
            assertThat(whole).as("the restored schedule got its whole webhook address back").isTrue();
        }
    }
}
