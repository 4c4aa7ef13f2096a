package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthIT {
    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    static LookerSim sim;

    /** A clock the test moves by hand, so token expiry needs no sleeping. */
    static final class HandClock extends Clock {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return NOW.get(); }
    }

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().scale(50).seed(3).tokenTtlSeconds(60).clock(new HandClock()).build().start();
    }

    @AfterAll
    static void stop() { sim.close(); }

    @Test
    void wrongCredentialsGive404WithLookerErrorBody() {
        SimClient.Resp r = new SimClient(sim).form("/api/4.0/login", "client_id=" + sim.clientId() + "&client_secret=wrong");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Not found");
        assertThat(r.json().get("documentation_url").asText()).isEqualTo("https://cloud.google.com/looker/docs/r/err/4.0/404/post/login");
    }

    @Test
    void loginGivesBearerTokenWithTtl() {
        SimClient.Resp r = new SimClient(sim).form("/api/4.0/login", "client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.json().get("expires_in").asInt()).isEqualTo(60);
        assertThat(r.json().get("refresh_token").isNull()).isTrue();
    }

    @Test
    void missingTokenIs401AndVersionsNeedsNone() {
        SimClient anon = new SimClient(sim);
        SimClient.Resp r = anon.get("/user");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asText()).isEqualTo("Requires authentication.");
        assertThat(r.json().get("documentation_url").asText()).startsWith("https://cloud.google.com/looker/docs/r/err/4.0/401/get/user");
        assertThat(anon.get("/versions").status()).isEqualTo(200);
    }

    @Test
    void acceptsTokenAndBearerCaseInsensitively() {
        SimClient c = SimClient.loggedIn(sim);
        for (String scheme : new String[]{"token", "Bearer", "BEARER", "Token"}) {
            SimClient.Resp r = c.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/4.0/user"))
                    .header("Authorization", scheme + " " + c.token));
            assertThat(r.status()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void tokenExpiresAfterTtl() {
        SimClient c = SimClient.loggedIn(sim);
        assertThat(c.get("/user").status()).isEqualTo(200);
        NOW.updateAndGet(t -> t.plus(Duration.ofSeconds(61)));
        assertThat(c.get("/user").status()).isEqualTo(401);
    }

    @Test
    void logoutIs204WithoutBodyOrContentTypeAndRevokes() {
        SimClient c = SimClient.loggedIn(sim);
        SimClient.Resp r = c.delete("/logout");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(c.get("/user").status()).isEqualTo(401);
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        SimClient c = SimClient.loggedIn(sim);
        assertThat(c.get("/no_such_thing").status()).isEqualTo(404);
        SimClient.Resp r = c.put("/dashboards/search", "{}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().has("documentation_url")).isTrue();
    }
}
