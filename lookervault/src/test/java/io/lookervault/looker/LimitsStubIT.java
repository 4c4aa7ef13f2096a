package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The size cap on answers and the shape a successful answer must have, over real HTTP. */
class LimitsStubIT {
    private final FakeTime time = new FakeTime();
    private StubLooker stub;
    private LookerClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubLooker();
        client = stub.client(time, 2, s -> s.withMaxResponseMb(1));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static String dashboard(String id, int bytes) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void anAnswerOverTheCapFailsOnceAndIsNotRetried() throws Exception {
        stub.on("GET /dashboards/1", Reply.json(200, dashboard("1", 3 << 20)));
        assertThatThrownBy(() -> client.get("/dashboards/1", Map.of()))
                .isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("larger than 1 MB")
                .hasMessageContaining("max_response_mb");
        assertThat(stub.seen().stream().filter(s -> s.path().equals("/dashboards/1")).count()).isEqualTo(1);

        stub.on("GET /dashboards/2", Reply.json(200, dashboard("2", 900_000)));
        assertThat(client.get("/dashboards/2", Map.of()).path("title").asText()).hasSize(900_000);
    }

    @Test
    void emptyNullEmptyObjectAndAnotherItemAreMalformedAndRetried() throws Exception {
        for (String bad : new String[] {"", "null", "{}", "{\"id\":\"8\"}", "[]"}) {
            stub.on("GET /looks/7", Reply.json(200, bad), Reply.json(200, "{\"id\":7,\"title\":\"ok\"}"));
            assertThat(client.get("/looks/7", Map.of()).path("title").asText()).as(bad).isEqualTo("ok");
        }
        stub.on("GET /looks/9", Reply.json(200, "{}"));
        assertThatThrownBy(() -> client.get("/looks/9", Map.of())).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not the item asked for");
        // an answer that leaves the id out because the caller asked for other fields is fine
        stub.on("GET /looks/10", Reply.json(200, "{\"title\":\"t\"}"));
        assertThat(client.get("/looks/10", Map.of("fields", "title")).path("title").asText()).isEqualTo("t");
    }

    @Test
    void aRedirectIsMalformedNotFollowed() throws Exception {
        stub.on("GET /looks/7", new Reply(301, "text/plain", "", -1, Map.of("Location", "http://evil.example/")));
        assertThatThrownBy(() -> client.get("/looks/7", Map.of())).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("redirect");
        assertThat(stub.seen().stream().filter(s -> s.path().equals("/looks/7")).count()).isEqualTo(3);
    }

    @Test
    void aReadOnlyClientSendsNoWriteWhateverTheMethod() throws Exception {
        stub.on("GET /looks/7", Reply.json(200, "{\"id\":\"7\"}"));
        client.readOnly();
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("title", "t");
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable write : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> client.post("/looks", Map.of(), body),
                () -> client.create("/looks", body, () -> null),
                () -> client.patch("/looks/7", Map.of(), body),
                () -> client.put("/looks/7", Map.of(), body),
                () -> client.delete("/looks/7", Map.of()))) {
            assertThatThrownBy(write).isInstanceOf(IllegalStateException.class).hasMessageContaining("dry run");
        }
        assertThat(client.get("/looks/7", Map.of()).path("id").asText()).isEqualTo("7");
        assertThat(stub.seen()).extracting(StubLooker.Seen::method).containsOnly("POST", "GET");
        assertThat(stub.seen()).filteredOn(s -> s.method().equals("POST")).extracting(StubLooker.Seen::path)
                .containsExactly("/login");
    }
}
