package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the client's answer handling through a whole extraction: every item answer is, at random, cut short,
 * of a wrong type, carries huge numbers or deep nesting, or is fine. Whatever arrives, the run must end with a
 * report (never a crash), and every version it stored must be the item asked for as a JSON object.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnswerFuzzIT {
    private static final int LOOKS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static String good(int id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Look " + id + "\",\"query\":{\"id\":\"" + (1000 + id)
                + "\",\"fields\":[\"a.b\",\"a.c\"],\"limit\":\"500\"},\"folder_id\":\"1\",\"updated_at\":\"a\"}";
    }

    private static final List<Function<Random, Function<Integer, String>>> MUTATIONS = List.of(
            r -> id -> good(id),
            r -> id -> good(id).substring(0, r.nextInt(good(id).length())),
            r -> id -> "[" + good(id) + "]",
            r -> id -> "\"" + id + "\"",
            r -> id -> Long.toString(r.nextLong()),
            r -> id -> "true",
            r -> id -> good(id).replace("\"id\":\"" + id + "\"", "\"id\":{\"nested\":" + id + "}"),
            r -> id -> good(id).replace("\"id\":\"" + id + "\"", "\"id\":[" + id + "]"),
            r -> id -> good(id).replace("\"id\":\"" + id + "\"", "\"id\":1" + "0".repeat(400)),
            r -> id -> good(id).replace("\"id\":\"" + id + "\"", "\"id\":1e400"),
            r -> id -> good(id).replace("\"limit\":\"500\"", "\"limit\":" + "9".repeat(5000)),
            r -> id -> good(id).replace("\"title\"", "\"deep\":" + "[".repeat(500) + "]".repeat(500) + ",\"title\""),
            r -> id -> good(id).replace("\"title\"", "\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"title\""),
            r -> id -> "{\"id\":\"" + id + "\",\"title\":\"\\ud800 broken surrogate\"}",
            r -> id -> new String(randomBytes(r), java.nio.charset.StandardCharsets.ISO_8859_1),
            r -> id -> "");

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[1 + r.nextInt(200)];
        r.nextBytes(b);
        return b;
    }

    @Test
    void noAnswerCrashesTheRunOrBecomesABadVersion() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            fuzz(seed);
        }
    }

    private void fuzz(long seed) throws Exception {
        Random random = new Random(seed);
        FakeTime time = new FakeTime();
        try (StubLooker stub = new StubLooker();
             LookerClient client = stub.client(time, 1);
             Vault vault = Vault.open(dir.resolve("fuzz-" + seed + ".db"))) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (int i = 1; i <= LOOKS; i++) {
                list.addObject().put("id", Integer.toString(i)).put("updated_at", "a").put("folder_id", "1");
                int id = i;
                stub.route("GET /looks/" + i, s -> {
                    synchronized (random) {
                        return Reply.json(200, MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(random).apply(id));
                    }
                });
            }
            stub.on("GET /looks/search", Reply.json(200, list.toString()));
            ExtractOptions o = new ExtractOptions(List.of(ContentType.LOOKS), 4, 100, List.of(), false, false,
                    RunMode.FULL);
            for (int run = 0; run < 2; run++) {
                ExtractReport r = new ExtractJob(client, vault, stub.baseUrl(), Clock.systemUTC(), null).run(o, false);
                assertThat(r.status()).isIn(RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_FAILURES);
                assertThat(r.items().get("looks").total()).isEqualTo(LOOKS);
                for (String id : vault.snapshot("looks", r.runId()).keySet()) {
                    JsonNode doc = JSON.readTree(vault.json("looks", id, r.runId()).orElseThrow());
                    assertThat(doc.isObject()).as("seed %d look %s", seed, id).isTrue();
                    assertThat(doc.path("id").asText()).as("seed %d look %s", seed, id).isEqualTo(id);
                    assertThat(doc.has("title")).as("seed %d look %s", seed, id).isTrue();
                }
            }
        }
    }
}
