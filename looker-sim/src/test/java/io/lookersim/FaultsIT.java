package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookersim.fault.FaultRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FaultsIT {
    @Test
    void retryAfterOnTheThirdPageOnly() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(100).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            sim.faults().add(FaultRule.status("search_dashboards", 429).retryAfter(2).nth(3).times(1));
            List<Integer> st = new ArrayList<>();
            SimClient.Resp third = null;
            for (int i = 0; i < 4; i++) {
                SimClient.Resp r = c.get("/dashboards/search?fields=id&limit=5&offset=" + i * 5);
                st.add(r.status());
                if (i == 2) third = r;
            }
            assertThat(st).containsExactly(200, 200, 429, 200);
            assertThat(third.header("Retry-After")).isEqualTo("2");
            assertThat(third.json().get("message").asText()).isEqualTo("Too Many Requests");
            assertThat(sim.stats().path("requests_by_operation").path("search_dashboards").path("429").asInt()).isEqualTo(1);
        }
    }

    @Test
    void serviceUnavailableTwiceThenOkAndAlways404OnOneId() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(100).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            sim.faults().add(FaultRule.status("dashboard", 503).times(2).on("dashboard_id", "4"));
            sim.faults().add(FaultRule.status("dashboard", 404).on("dashboard_id", "17"));
            assertThat(c.get("/dashboards/4").status()).isEqualTo(503);
            assertThat(c.get("/dashboards/4").status()).isEqualTo(503);
            assertThat(c.get("/dashboards/4").status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) assertThat(c.get("/dashboards/17").status()).isEqualTo(404);
            assertThat(c.get("/dashboards/18").status()).isEqualTo(200);
        }
    }

    @Test
    void resetClosesTheConnectionWithoutAnswer() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(200).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            // java.net.http retries a GET once on a dropped connection, so two resets are needed to see the failure.
            sim.faults().add(FaultRule.reset("dashboard").on("dashboard_id", "42").times(2));
            assertThatThrownBy(() -> c.get("/dashboards/42")).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(c.get("/dashboards/42").status()).isEqualTo(200);
            assertThat(sim.requestLog().stream().filter(e -> e.status() == 0).count()).isEqualTo(2);
        }
    }

    @Test
    void truncatedBodyFailsTheRead() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(100).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            sim.faults().add(FaultRule.truncate("dashboard").times(1));
            assertThatThrownBy(() -> c.get("/dashboards/2")).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(c.get("/dashboards/2").status()).isEqualTo(200);
        }
    }

    @Test
    void faultsCanBeProgrammedOverHttp() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(50).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            assertThat(c.post("/__sim/faults", "{\"operationId\":\"me\",\"status\":500,\"times\":1}").status()).isEqualTo(200);
            assertThat(c.get("/user").status()).isEqualTo(500);
            assertThat(c.get("/user").status()).isEqualTo(200);
            assertThat(c.delete("/__sim/faults").status()).isEqualTo(204);
            assertThat(c.get("/__sim/requests?since=0").json().size()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void rateLimitAnswers429WithIntegerRetryAfter() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(20).rateLimitPerSecond(0.5).build().start()) {
            SimClient c = SimClient.loggedIn(sim); // uses the one token of the bucket
            SimClient.Resp r = c.get("/user");
            assertThat(r.status()).isEqualTo(429);
            assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 2);
            assertThat(r.json().has("documentation_url")).isTrue();
        }
    }

    @Test
    void maxConcurrentCapsRequestsInService() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(20).maxConcurrent(2).latencyMs(30).build().start()) {
            SimClient login = SimClient.loggedIn(sim);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                fs.add(pool.submit(() -> {
                    SimClient c = new SimClient(sim);
                    c.token = login.token;
                    return c.get("/versions").status();
                }));
            }
            for (Future<Integer> f : fs) assertThat(f.get()).isEqualTo(200);
            pool.shutdown();
            assertThat(sim.stats().get("peak_concurrency").asInt()).isEqualTo(2);
        }
    }
}
