package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.resilience.FakeTime;
import io.lookervault.testing.StubLooker;
import io.lookervault.testing.StubLooker.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers the simulator cannot produce (HTML from a proxy, bodies cut short), over real HTTP. */
class LookerClientStubIT {
    private static final String SECRET = "stub-secret-do-not-print";
    private final FakeTime time = new FakeTime();
    private StubLooker stub;
    private LookerClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubLooker();
        client = LookerClient.create(LookerSettings.of(stub.baseUrl(), "stub-id", Secret.of(SECRET), true,
                Duration.ofSeconds(3)), ResilienceSettings.defaults().withMaxRetries(2).withRates(1000, 0), time, time);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void logsInWithAFormBodyAndSendsTokenAndAppId() throws Exception {
        stub.on("GET /user", Reply.json(200, "{\"id\":\"7\",\"display_name\":\"API\"}"));
        assertThat(client.me().path("id").asText()).isEqualTo("7");
        StubLooker.Seen login = stub.seen().get(0);
        assertThat(login.path()).isEqualTo("/login");
        assertThat(login.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(login.body()).isEqualTo("client_id=stub-id&client_secret=" + SECRET);
        assertThat(login.query()).isNull();
        StubLooker.Seen me = stub.seen().get(1);
        assertThat(me.authorization()).isEqualTo("token stub-token-1");
        assertThat(me.appId()).isEqualTo("lookervault");
        client.close();
        assertThat(stub.seen().get(2).method()).isEqualTo("DELETE");
        assertThat(stub.seen().get(2).path()).isEqualTo("/logout");
    }

    @Test
    void htmlFromAProxyIsMalformedAndRetried() throws Exception {
        stub.on("GET /user", Reply.html(200, "<html><body>Sign in</body></html>"),
                Reply.json(200, "{\"id\":\"7\"}"));
        assertThat(client.me().path("id").asText()).isEqualTo("7");
        assertThat(client.stats().retries()).isEqualTo(1);

        stub.on("GET /folders/1", Reply.html(200, "<!DOCTYPE html><html>proxy</html>"));
        assertThatThrownBy(() -> client.get("/folders/1", Map.of()))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GET /folders/1").hasMessageContaining("HTML");
    }

    @Test
    void truncatedJsonIsMalformedAndRetried() throws Exception {
        stub.on("GET /dashboards/1", Reply.json(200, "{\"id\":\"1\",\"title\":\"Sal"),
                Reply.json(200, "{\"id\":\"1\",\"title\":\"Sales\"}"));
        assertThat(client.get("/dashboards/1", Map.of()).path("title").asText()).isEqualTo("Sales");
        assertThat(client.stats().retries()).isEqualTo(1);
    }

    @Test
    void aBodyCutShortByTheConnectionIsANetworkErrorAndRetried() throws Exception {
        stub.on("GET /dashboards/2", Reply.cutShort("{\"id\":\"2\",", 400),
                Reply.json(200, "{\"id\":\"2\"}"));
        assertThat(client.get("/dashboards/2", Map.of()).path("id").asText()).isEqualTo("2");
        assertThat(client.stats().retries()).isEqualTo(1);
    }

    @Test
    void aBodyThatStallsHalfWayEndsAtTheDeadlineAndIsRetried() throws Exception {
        client.close();
        client = LookerClient.create(LookerSettings.of(stub.baseUrl(), "stub-id", Secret.of(SECRET), true,
                Duration.ofMillis(300)), ResilienceSettings.defaults().withMaxRetries(2).withRates(1000, 0), time, time);
        stub.on("GET /dashboards/3", Reply.stalled("{\"id\":\"3\","), Reply.json(200, "{\"id\":\"3\"}"));
        long start = System.nanoTime();
        assertThat(client.get("/dashboards/3", Map.of()).path("id").asText()).isEqualTo("3");
        // the deadline is the timeout plus a second of slack; the stub would otherwise hold the body forever
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_000L, 5_000L);
        assertThat(client.stats().retries()).isEqualTo(1);
    }

    @Test
    void aStalledBodyPastEveryRetryIsANetworkErrorNamingTheTimeout() {
        client.close();
        client = LookerClient.create(LookerSettings.of(stub.baseUrl(), "stub-id", Secret.of(SECRET), true,
                Duration.ofMillis(200)), ResilienceSettings.defaults().withMaxRetries(0).withRates(1000, 0), time, time);
        stub.on("GET /dashboards/4", Reply.stalled("{\"id\":"));
        assertThatThrownBy(() -> client.get("/dashboards/4", Map.of())).isInstanceOf(NetworkException.class)
                .hasMessageContaining("GET /dashboards/4").hasMessageContaining("timeout");
    }

    @Test
    void aListThatIsNotAnArrayIsMalformed() {
        stub.on("GET /users", Reply.json(200, "{\"id\":\"1\"}"));
        assertThatThrownBy(() -> client.page("/users", Map.of(), 0, 10))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("array");
    }

    @Test
    void pageReadsPagingHeadersAndAddsStableSort() throws Exception {
        stub.on("GET /users", new Reply(200, "application/json", "[{\"id\":\"1\"},{\"id\":\"2\"}]", -1,
                Map.of("X-Total-Count", "5", "Link", "<http://x/api/4.0/users?limit=2&offset=2>; rel=\"next\"")));
        Page p = client.page("/users", Map.of("fields", "id"), 0, 2);
        assertThat(p.items()).hasSize(2);
        assertThat(p.totalCount()).hasValue(5);
        assertThat(p.nextLink()).contains("http://x/api/4.0/users?limit=2&offset=2");
        assertThat(p.isLast(2)).isFalse();
        assertThat(stub.seen().get(1).query()).isEqualTo("fields=id&sorts=id&limit=2&offset=0");
    }

    @Test
    void permanentErrorsAreNotRetriedAndNeverCarryTheSecret() {
        stub.on("GET /roles/1", Reply.json(403, "{\"message\":\"Forbidden\"}"));
        assertThatThrownBy(() -> client.get("/roles/1", Map.of()))
                .isInstanceOf(ForbiddenException.class).hasMessage("GET /roles/1 → 403: Forbidden");
        assertThat(client.stats().retries()).isZero();
    }

    @Test
    void rejectedLoginIsAnAuthenticationErrorWithoutRetryOrSecret() {
        stub.on("POST /login", Reply.json(404, "{\"message\":\"Not found\"}"));
        assertThatThrownBy(client::me).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("client_id").hasMessageNotContaining(SECRET);
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void a401LogsInOnceMoreAndRepeats() throws Exception {
        stub.on("POST /login", Reply.json(200, "{\"access_token\":\"t1\",\"expires_in\":3600}"),
                Reply.json(200, "{\"access_token\":\"t2\",\"expires_in\":3600}"));
        stub.on("GET /user", Reply.json(401, "{\"message\":\"Requires authentication.\"}"),
                Reply.json(200, "{\"id\":\"7\"}"));
        assertThat(client.me().path("id").asText()).isEqualTo("7");
        assertThat(client.logins()).isEqualTo(2);
        assertThat(stub.seen().get(3).authorization()).isEqualTo("token t2");
    }

    @Test
    void a401AfterAFreshLoginIsAnAuthenticationError() {
        stub.on("GET /user", Reply.json(401, "{\"message\":\"Requires authentication.\"}"));
        assertThatThrownBy(client::me).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("even after a fresh login");
    }

    @Test
    void logsInAgainShortlyBeforeTheTokenExpires() throws Exception {
        stub.on("POST /login", Reply.json(200, "{\"access_token\":\"t1\",\"expires_in\":60}"),
                Reply.json(200, "{\"access_token\":\"t2\",\"expires_in\":60}"));
        stub.on("GET /user", Reply.json(200, "{\"id\":\"7\"}"));
        client.me();
        time.advance(Duration.ofSeconds(45));
        client.me();
        assertThat(client.logins()).isEqualTo(1);
        time.advance(Duration.ofSeconds(6)); // 51 s: inside the 10 s lag before expiry
        client.me();
        assertThat(client.logins()).isEqualTo(2);
    }

    @Test
    void retryAfterIsHonouredWithoutRealSleeping() throws Exception {
        stub.on("GET /looks/1", new Reply(429, "application/json", "{\"message\":\"Too many\"}", -1,
                Map.of("Retry-After", "9")), Reply.json(200, "{\"id\":\"1\"}"));
        assertThat(client.get("/looks/1", Map.of()).path("id").asText()).isEqualTo("1");
        assertThat(time.sleeps()).contains(Duration.ofSeconds(9));
        assertThat(client.stats().rateLimited()).isEqualTo(1);
        assertThat(client.stats().retries()).isEqualTo(1);
    }
}
