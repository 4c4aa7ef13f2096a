package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create whose answer went missing: looked up only when it may have reached Looker, adopted only if it is ours. */
class LostCreateStubIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeTime time = new FakeTime();
    private final AtomicInteger lookups = new AtomicInteger();
    private StubLooker stub;
    private LookerClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubLooker();
        client = stub.client(time, 2);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private JsonNode create(String found) throws Exception {
        JsonNode body = JSON.readTree("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"locale\":\"en\"}");
        JsonNode existing = found == null ? null : JSON.readTree(found);
        return client.create("/users", body, () -> {
            lookups.incrementAndGet();
            return existing;
        });
    }

    private long posts() {
        return stub.seen().stream().filter(s -> s.method().equals("POST") && s.path().equals("/users")).count();
    }

    @Test
    void after429Or503NothingIsLookedUp() throws Exception {
        stub.on("POST /users", new Reply(429, "application/json", "{\"message\":\"slow down\"}", -1,
                Map.of("Retry-After", "1")), Reply.json(503, "{\"message\":\"busy\"}"),
                Reply.json(200, "{\"id\":\"42\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}"));
        assertThat(create("{\"id\":\"7\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"locale\":\"en\"}")
                .path("id").asText()).isEqualTo("42");
        assertThat(lookups.get()).as("neither answer can have created a user").isZero();
        assertThat(posts()).isEqualTo(3);
    }

    @Test
    void afterABodyCutShortTheUserWithEveryFieldSentIsAdopted() throws Exception {
        stub.on("POST /users", Reply.cutShort("{\"id\":\"42\",\"first", 400),
                Reply.json(200, "{\"id\":\"43\"}"));
        assertThat(create("{\"id\":\"42\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"locale\":\"en\"}")
                .path("id").asText()).isEqualTo("42");
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aFoundUserThatDiffersInAFieldSentIsNotAdopted() throws Exception {
        stub.on("POST /users", Reply.cutShort("{\"id\":\"42\",\"first", 400),
                Reply.json(200, "{\"id\":\"43\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}"));
        assertThat(create("{\"id\":\"7\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"locale\":\"fr\"}")
                .path("id").asText()).as("another Ada Lovelace is someone else").isEqualTo("43");
        assertThat(posts()).isEqualTo(2);
    }
}
