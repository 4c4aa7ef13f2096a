package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash and rerun, fault storms, and the dead-letter queue, each ending in a destination equal to the source. */
class ResilienceIT {
    @TempDir
    Path dir;

    /** Stands for kill -9: nothing after the throw runs, the restore run stays "running". */
    private static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    @Test
    void aCrashMidRestoreAndARerunLeaveNoDuplicates() throws Exception {
        try (LookerSim a = RestoreHarness.sim(100); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            AtomicInteger seen = new AtomicInteger();
            assertThatThrownBy(() -> RestoreHarness.restore(b, db, RestoreHarness.bulk(4), o -> {
                if (o.type().equals("looks") && seen.incrementAndGet() == 10) {
                    throw new Crash();
                }
            })).isInstanceOf(Crash.class);
            try (RestoreStore s = RestoreStore.open(db)) {
                assertThat(s.runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("running"));
            }
            RestoreReport rerun = RestoreHarness.restore(b, db, RestoreHarness.bulk(4));
            assertThat(rerun.status()).isEqualTo(RunStatus.COMPLETED);
            try (RestoreStore s = RestoreStore.open(db)) {
                assertThat(s.runs()).as("the rerun resumed the same restore").hasSize(1);
            }
            Path bdb = dir.resolve("b.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
        }
    }

    @Test
    void storms429And5xxStillComplete() throws Exception {
        try (LookerSim a = RestoreHarness.sim(100);
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(11).faultRate(0.03).build().start()) {
            b.faults().add(FaultRule.status("create_dashboard", 429).retryAfter(1).nth(3).times(3));
            b.faults().add(FaultRule.status("create_look", 503).times(4));
            b.faults().add(FaultRule.status("create_dashboard_element", 500).times(3));
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            RestoreReport r = RestoreHarness.restore(b, db, RestoreHarness.bulk(8));
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.retries()).isPositive();
            b.faults().clear();
            Path bdb = dir.resolve("b.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotMadeTwice() throws Exception {
        try (LookerSim a = RestoreHarness.sim(60); LookerSim b = RestoreHarness.sim(0);
             io.lookervault.looker.LookerClient apiA = RestoreHarness.client(a)) {
            // the destination commits each of these creates, then drops the connection half-way through its answer
            for (String op : List.of("create_user", "create_user_credentials_email", "create_user_attribute", "create_folder", "create_group",
                    "create_dashboard", "create_board", "create_board_section", "create_board_item", "create_scheduled_plan")) {
                b.faults().add(FaultRule.truncate(op).times(2));
            }
            // every look's answer is lost, a trashed one's too (search leaves the trash out unless asked)
            b.faults().add(FaultRule.truncate("create_look").times(100_000));
            String trashed = apiA.get("/looks/search", java.util.Map.of("limit", "1", "sorts", "id")).get(0)
                    .path("id").asText();
            apiA.patch("/looks/" + trashed, java.util.Map.of(), Canon.JSON.createObjectNode().put("deleted", true));
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            RestoreReport r = RestoreHarness.restore(b, db, RestoreHarness.bulk(4));
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(b.requestLog()).as("lost answers").filteredOn(e -> e.status() == 0).hasSizeGreaterThanOrEqualTo(8);
            b.faults().clear();
            Path bdb = dir.resolve("b.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
        }
    }

    @Test
    void aLostUserCreateNeverAdoptsAnOlderSameNamedUser() throws Exception {
        try (LookerSim a = RestoreHarness.sim(0); LookerSim b = RestoreHarness.sim(0);
             io.lookervault.looker.LookerClient apiA = RestoreHarness.client(a);
             io.lookervault.looker.LookerClient apiB = RestoreHarness.client(b)) {
            var names = Canon.JSON.createObjectNode().put("first_name", "Ada").put("last_name", "Lovelace");
            String source = apiA.post("/users", java.util.Map.of(), names).path("id").asText();
            apiA.post("/users/" + source + "/credentials_email", java.util.Map.of(),
                    Canon.JSON.createObjectNode().put("email", "ada@example.com"));
            // the destination already has a person of that name without an email login (as an SSO-only user is)
            String someoneElse = apiB.post("/users", java.util.Map.of(), names).path("id").asText();
            Path db = dir.resolve("a.db");
            RestoreHarness.extract(a, db);
            // the connection drops once the user's create is sent, before Looker makes anything: the answer is lost
            b.faults().add(FaultRule.reset("create_user").times(1));
            RestoreReport r = RestoreHarness.restore(b, db, RestoreHarness.bulk(2));
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(b.requestLog()).as("the answer was lost").filteredOn(e -> e.status() == 0).isNotEmpty();
            assertThat(apiB.get("/users/" + someoneElse, java.util.Map.of()).path("credentials_email").path("email").asText(null))
                    .as("the other person's account was not taken over").isNull();
            JsonNode restored = apiB.get("/users/search", java.util.Map.of("email", "ada@example.com"));
            assertThat(restored).hasSize(1);
            assertThat(restored.get(0).path("id").asText()).isNotEqualTo(someoneElse);
        }
    }

    @Test
    void permanentFailuresGoToTheDeadLetterQueueAndRetryEmptiesIt() throws Exception {
        try (LookerSim a = RestoreHarness.sim(60); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            b.faults().add(FaultRule.status("create_board", 422).times(1000));
            RestoreReport r = RestoreHarness.restore(b, db, RestoreHarness.bulk(4));
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.count(Outcome.Action.CREATE)).as("the run went on").isPositive();
            try (RestoreStore s = RestoreStore.open(db)) {
                List<RestoreStore.DeadLetter> open = s.openDeadLetters(0);
                assertThat(open).isNotEmpty().allSatisfy(d -> {
                    assertThat(d.type()).isEqualTo("boards");
                    assertThat(d.status()).isEqualTo(422);
                    assertThat(d.request()).startsWith("POST /boards {");
                    assertThat(d.error()).isNotBlank();
                });
            }
            b.faults().clear();
            try (var api = RestoreHarness.client(b); var v = io.lookervault.vault.Vault.open(db);
                 RestoreStore s = RestoreStore.open(db)) {
                List<RestoreReport> retried = new RestoreJob(api, v, s, b.baseUrl(), java.time.Clock.systemUTC())
                        .retry(0);
                assertThat(retried).isNotEmpty().allSatisfy(x -> assertThat(x.status()).isEqualTo(RunStatus.COMPLETED));
                assertThat(s.openDeadLetters(0)).isEmpty();
            }
            Path bdb = dir.resolve("b.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
        }
    }
}
