package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lying or hostile Looker (issue #13): the real client over HTTP against a scripted stub, a real vault.
 * Nothing it answers may end a run "completed" with items wrongly marked deleted or a bad version stored.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileLookerIT {
    private static final String LIST = "GET /permission_sets/search";
    private final FakeTime time = new FakeTime();
    @TempDir
    Path dir;
    private StubLooker stub;
    private LookerClient client;
    private Vault vault;

    @BeforeEach
    void start() throws Exception {
        stub = new StubLooker();
        client = stub.client(time, 1);
        vault = Vault.open(dir.resolve("v.db"));
    }

    @AfterEach
    void stop() {
        vault.close();
        client.close();
        stub.close();
    }

    private ExtractReport extract(ContentType type, int batch, boolean allowMassDeletion) throws Exception {
        ExtractOptions o = new ExtractOptions(List.of(type), 4, batch, List.of(), false, false, RunMode.FULL,
                allowMassDeletion);
        return new ExtractJob(client, vault, stub.baseUrl(), Clock.systemUTC(), null).run(o, false);
    }

    private static String rows(int from, int to) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i <= to; i++) {
            a.addObject().put("id", Integer.toString(i)).put("name", "set " + i);
        }
        return a.toString();
    }

    /** A paged list of ids 1..n honouring offset and limit, with X-Total-Count {@code total}. */
    private void pagedList(String key, int n, int total) {
        stub.route(key, s -> {
            int offset = Integer.parseInt(StubLooker.param(s, "offset"));
            int limit = Integer.parseInt(StubLooker.param(s, "limit"));
            String body = offset >= n ? "[]" : rows(offset + 1, Math.min(n, offset + limit));
            return new Reply(200, "application/json", body, -1, Map.of("X-Total-Count", Integer.toString(total)));
        });
    }

    private long listRequests() {
        return stub.seen().stream().filter(s -> (s.method() + " " + s.path()).equals(LIST)).count();
    }

    private long deleted(long run) {
        return vault.computeCounts(run, "permission_sets").deleted();
    }

    @Test
    void aServerThatIgnoresOffsetIsNotPagedForeverAndDeletesNothing() throws Exception {
        stub.on(LIST, Reply.json(200, rows(1, 4)), Reply.json(200, rows(1, 2)));
        assertThat(extract(ContentType.PERMISSION_SETS, 10, false).status()).isEqualTo(RunStatus.COMPLETED);

        ExtractReport r = extract(ContentType.PERMISSION_SETS, 2, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(r.failures()).extracting(FailureRecord::message)
                .anySatisfy(m -> assertThat(m).contains("repeats an earlier page"));
        assertThat(listRequests()).as("the same page is not asked for without end").isLessThan(10);
        assertThat(deleted(r.runId())).as("ids 3 and 4 were not listed, but the listing is incomplete").isZero();
        assertThat(vault.snapshot("permission_sets", r.runId())).containsOnlyKeys("1", "2", "3", "4");
    }

    @Test
    void anEmptyListingDoesNotMarkATypeDeletedUnlessAllowed() throws Exception {
        stub.on(LIST, Reply.json(200, rows(1, 12)), Reply.json(200, "[]"));
        extract(ContentType.PERMISSION_SETS, 100, false);

        ExtractReport r = extract(ContentType.PERMISSION_SETS, 100, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(deleted(r.runId())).isZero();
        assertThat(r.failures()).extracting(FailureRecord::message).singleElement().asString()
                .contains("would mark 12 of 12 stored items deleted").contains("--allow-mass-deletion");
        assertThat(vault.doneTypes(r.runId())).containsEntry("permission_sets", false);

        ExtractReport allowed = extract(ContentType.PERMISSION_SETS, 100, true);
        assertThat(allowed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(deleted(allowed.runId())).isEqualTo(12);
    }

    @Test
    void aFewDeletionsPassTheGuard() throws Exception {
        stub.on(LIST, Reply.json(200, rows(1, 12)), Reply.json(200, rows(1, 10)));
        extract(ContentType.PERMISSION_SETS, 100, false);
        ExtractReport r = extract(ContentType.PERMISSION_SETS, 100, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(deleted(r.runId())).isEqualTo(2);
    }

    @Test
    void aShortTotalCountDoesNotEndTheListing() throws Exception {
        pagedList(LIST, 30, 30);
        extract(ContentType.PERMISSION_SETS, 10, false);
        pagedList(LIST, 30, 10);
        ExtractReport r = extract(ContentType.PERMISSION_SETS, 10, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(deleted(r.runId())).isZero();
        assertThat(vault.snapshot("permission_sets", r.runId())).hasSize(30);
    }

    @Test
    void rowsWithoutAnIdAreAMalformedAnswerNotDeletions() throws Exception {
        stub.on(LIST, Reply.json(200, rows(1, 3)), Reply.json(200, "[{\"id\":\"1\"},{\"name\":\"no id\"},{\"id\":\"3\"}]"));
        extract(ContentType.PERMISSION_SETS, 100, false);
        long before = listRequests();
        ExtractReport r = extract(ContentType.PERMISSION_SETS, 100, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(listRequests() - before).as("retried once, then failed").isEqualTo(2);
        assertThat(r.failures()).extracting(FailureRecord::message).singleElement().asString()
                .contains("a list row without id");
        assertThat(deleted(r.runId())).isZero();
    }

    @Test
    void anEmptyNullOrForeignItemAnswerIsNeverStoredAsAVersion() throws Exception {
        AtomicReference<String> item = new AtomicReference<>();
        stub.on("GET /looks/search", Reply.json(200, "[{\"id\":\"5\",\"updated_at\":\"a\",\"folder_id\":\"1\"}]"));
        stub.route("GET /looks/5", s -> Reply.json(200, item.get()));
        item.set("{\"id\":\"5\",\"title\":\"Revenue\"}");
        ExtractReport good = extract(ContentType.LOOKS, 100, false);
        assertThat(good.status()).isEqualTo(RunStatus.COMPLETED);
        for (String bad : List.of("", "null", "{}", "[]", "{\"id\":\"6\",\"title\":\"Other\"}", "{\"title\":\"x\"}")) {
            item.set(bad);
            ExtractReport r = extract(ContentType.LOOKS, 100, false);
            assertThat(r.status()).as(bad).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.failures()).as(bad).extracting(FailureRecord::id).containsExactly("5");
            assertThat(vault.history("looks", "5")).as("no version from %s", bad).hasSize(1);
            assertThat(vault.latestJson("looks", "5").orElseThrow()).contains("Revenue");
        }
    }

    @Test
    void aRedirectIsNotAnAnswer() throws Exception {
        stub.on("GET /looks/search", Reply.json(200, "[{\"id\":\"5\",\"updated_at\":\"a\",\"folder_id\":\"1\"}]"));
        stub.on("GET /looks/5", new Reply(302, "application/json", "{\"id\":\"5\"}", -1,
                Map.of("Location", "https://sso.example.com/login")));
        ExtractReport r = extract(ContentType.LOOKS, 100, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
        assertThat(r.failures()).extracting(FailureRecord::message).singleElement().asString().contains("redirect");
        assertThat(vault.latestJson("looks", "5")).isEmpty();
    }

    @Test
    void anApiUserRejectedMidRunStopsTheRunInsteadOfFailingEveryItem() throws Exception {
        ArrayNode looks = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= 50; i++) {
            looks.addObject().put("id", Integer.toString(i)).put("updated_at", "a").put("folder_id", "1");
            stub.route("GET /looks/" + i, s -> Reply.json(401, "{\"message\":\"Requires authentication.\"}"));
        }
        stub.on("GET /looks/search", Reply.json(200, looks.toString()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> extract(ContentType.LOOKS, 100, false))
                .isInstanceOf(io.lookervault.looker.AuthenticationException.class)
                .hasMessageContaining("401");
        long itemRequests = stub.seen().stream().filter(s -> s.path().matches("/looks/\\d+")).count();
        assertThat(itemRequests).as("not two requests and a login for each of 50 items").isLessThan(30);
        assertThat(client.logins()).isLessThanOrEqualTo(4);
        assertThat(vault.runs()).last().extracting(io.lookervault.vault.RunRecord::status).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void writeOnlySecretsAServerReturnsAreNeverStored() throws Exception {
        stub.on("GET /scheduled_plans", Reply.json(200, "[{\"id\":\"3\",\"name\":\"Daily\","
                + "\"scheduled_plan_destination\":[{\"id\":\"9\",\"type\":\"webhook\","
                + "\"secret_parameters\":\"{\\\"token\\\":\\\"hook-s3cr3t\\\"}\",\"format\":\"csv\"}]}]"));
        ExtractReport r = extract(ContentType.SCHEDULED_PLANS, 100, false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        String stored = vault.latestJson("scheduled_plans", "3").orElseThrow();
        assertThat(stored).doesNotContain("hook-s3cr3t").doesNotContain("secret_parameters").contains("\"csv\"");
    }
}
