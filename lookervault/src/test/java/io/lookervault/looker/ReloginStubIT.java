package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 401s over real HTTP: expiry makes one login for all workers; a rejected API user stops logging in. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReloginStubIT {
    private final FakeTime time = new FakeTime();
    private final AtomicInteger logins = new AtomicInteger();
    private StubLooker stub;
    private LookerClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubLooker();
        stub.route("POST /login", s -> Reply.json(200, "{\"access_token\":\"t-" + logins.incrementAndGet()
                + "\",\"expires_in\":3600}"));
        client = stub.client(time, 1);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void sixteenWorkersRejectedAtOnceMakeOneLogin() throws Exception {
        stub.route("GET /user", s -> "token t-1".equals(s.authorization())
                ? Reply.json(401, "{\"message\":\"Requires authentication.\"}") : Reply.json(200, "{\"id\":\"7\"}"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return client.me().path("id").asText();
            }));
        }
        go.countDown();
        for (Future<String> a : answers) {
            assertThat(a.get()).isEqualTo("7");
        }
        pool.shutdown();
        assertThat(logins.get()).as("the first login and one after the 401s").isEqualTo(2);
        assertThat(client.logins()).isEqualTo(2);
    }

    @Test
    void aPersistent401StopsLoggingInAfterThreeFreshLogins() throws Exception {
        stub.route("GET /looks/1", s -> Reply.json(401, "{\"message\":\"Requires authentication.\"}"));
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> client.get("/looks/1", Map.of())).isInstanceOf(AuthenticationException.class);
        }
        assertThat(logins.get()).as("one login and " + TokenManager.MAX_RELOGINS + " re-logins, not one per request")
                .isEqualTo(1 + TokenManager.MAX_RELOGINS);
        assertThatThrownBy(() -> client.get("/looks/1", Map.of())).hasMessageContaining("even after 3 fresh logins");
        long sent = stub.seen().stream().filter(s -> s.path().equals("/looks/1")).count();
        assertThat(sent).isLessThanOrEqualTo(2L * (1 + TokenManager.MAX_RELOGINS));
    }

    @Test
    void a401BetweenSuccessesIsAnExpiryAndNeverStopsTheClient() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // every other request is rejected once (a token Looker expired early), then succeeds after a login
        stub.route("GET /user", s -> calls.incrementAndGet() % 2 == 1
                ? Reply.json(401, "{\"message\":\"Requires authentication.\"}") : Reply.json(200, "{\"id\":\"7\"}"));
        for (int i = 0; i < 10; i++) {
            assertThat(client.me().path("id").asText()).isEqualTo("7");
        }
        assertThat(logins.get()).isEqualTo(11);
    }

    @Test
    void aRefusedLoginIsNotRepeatedForEveryRequest() throws Exception {
        stub.route("POST /login", s -> {
            logins.incrementAndGet();
            return Reply.json(401, "{\"message\":\"Invalid credentials\"}");
        });
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.me()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused the login");
        }
        assertThat(logins.get()).isEqualTo(1);
    }
}
