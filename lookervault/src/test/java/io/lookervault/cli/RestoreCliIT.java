package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore commands in-process against simulators: plan output, exit codes, status and the DLQ. */
class RestoreCliIT {
    @TempDir
    Path dir;

    private static Map<String, String> env(LookerSim sim) {
        return CliRun.restoreEnv(sim);
    }

    @Test
    void dryRunPrintsAPlanAndWritesNothingThenAMigrationExitsFourOnFailuresAndDlqRetryFixesThem() throws Exception {
        try (LookerSim a = LookerSim.builder().port(0).scale(60).seed(5).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(5).build().start()) {
            String db = dir.resolve("v.db").toString();
            assertThat(CliRun.run(dir, env(a), "--db", db, "-q", "extract").exitCode()).isZero();

            int mark = b.requestLog().size();
            CliRun plan = CliRun.run(dir, env(b), "--db", db, "--output", "json", "restore", "bulk", "--dry-run");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(b.requestLog().subList(mark, b.requestLog().size()))
                    .allMatch(e -> e.method().equals("GET") || e.path().endsWith("/login") || e.path().endsWith("/logout"));
            JsonNode doc = JsonOutput.MAPPER.readTree(plan.out());
            assertThat(doc.path("dry_run").asBoolean()).isTrue();
            assertThat(doc.path("dest_url").asText()).isEqualTo(b.baseUrl());
            assertThat(plan.out()).contains("\"CREATE\"");
            assertThat(doc.path("counts").path("dashboards").path("create").asInt()).as(plan.out()).isPositive();

            b.faults().add(FaultRule.status("create_board", 422).times(1000));
            // a Looker this vault never saw is written only when the user says so
            CliRun unasked = CliRun.run(dir, env(b), "--db", db, "restore", "bulk", "--workers", "4");
            assertThat(unasked.exitCode()).as(unasked.err()).isEqualTo(2);
            assertThat(unasked.err()).contains("would write into " + b.baseUrl()).contains("--yes");
            CliRun migrate = CliRun.run(dir, env(b), "--db", db, "restore", "bulk", "--workers", "4", "--yes");
            assertThat(migrate.exitCode()).as(migrate.out() + migrate.err()).isEqualTo(4);
            assertThat(migrate.out()).contains("restore dlq list");

            CliRun list = CliRun.run(dir, env(b), "--db", db, "restore", "dlq", "list");
            assertThat(list.out()).contains("boards").contains("422");
            CliRun show = CliRun.run(dir, env(b), "--db", db, "restore", "dlq", "show", "1");
            assertThat(show.out()).contains("POST /boards");
            assertThat(show.out()).doesNotContain(b.clientSecret());

            b.faults().clear();
            // the failed writes went to b: resending them to a (the configuration changed) is refused
            int aBefore = a.requestLog().size();
            CliRun wrong = CliRun.run(dir, env(a), "--db", db, "restore", "dlq", "retry");
            assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(2);
            assertThat(wrong.err()).contains("is a write to " + b.baseUrl());
            assertThat(a.requestLog().subList(aBefore, a.requestLog().size()))
                    .noneMatch(e -> e.method().equals("POST") && !e.path().endsWith("/login"));
            assertThat(CliRun.run(dir, env(b), "--db", db, "restore", "dlq", "retry").exitCode()).isZero();
            CliRun status = CliRun.run(dir, env(b), "--db", db, "restore", "status");
            assertThat(status.out()).contains("0 open dead letter");

            CliRun single = CliRun.run(dir, env(b), "--db", db, "restore", "single", "dashboards", "1", "--dry-run");
            assertThat(single.exitCode()).isZero();
            assertThat(single.out()).contains("dashboards").contains("unchanged");
        }
    }
}
