package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.LookerSim;
import io.lookersim.conformance.ApiClient.Answer;
import io.lookersim.fault.FaultRule;
import org.junit.jupiter.api.Test;

/**
 * Injected faults still look like Looker: 429 with a Retry-After header and an Error body (declared by every
 * operation), 503 with an Error body (undeclared but real, NOTES §8, §11), and the plan's counting rules.
 */
class FaultConformanceIT {
    private static final String SEARCH = "/dashboards/search?fields=id&limit=1";

    @Test
    void rateLimitAnswers429WithRetryAfterAndAnErrorBody() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(50).seed(3).rateLimitPerSecond(5).build().start()) {
            CheckedApi api = login(sim);
            int limited = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                Answer a = api.answer(new int[] {200, 429}, "GET", SEARCH, null);
                if (a.status() == 429) {
                    limited++;
                    assertThat(a.header("Retry-After")).as("Retry-After on 429").isNotNull().matches("[1-9][0-9]*");
                    assertThat(a.json().path("message").asText()).isNotEmpty();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // A bucket of 5 refilled at 5/s: however slow this machine, no more than that can have passed.
            assertThat(40 - limited).as("answered in %.2f s at 5/s", seconds).isLessThanOrEqualTo(
                    (int) Math.ceil(6 + 5 * seconds));
            assertThat(limited).isPositive();
        }
    }

    @Test
    void plannedFaultsFireOnTheNamedRequestsOnly() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(50).seed(3).build().start()) {
            CheckedApi api = login(sim);
            sim.faults().add(FaultRule.status("search_dashboards", 503).times(2));
            sim.faults().add(FaultRule.status("search_looks", 429).retryAfter(2).nth(3).times(1));
            api.answer(new int[] {503}, "GET", SEARCH, null);
            api.answer(new int[] {503}, "GET", SEARCH, null);
            api.answer(new int[] {200}, "GET", SEARCH, null);
            String looks = "/looks/search?fields=id&limit=1";
            api.answer(new int[] {200}, "GET", looks, null);
            api.answer(new int[] {200}, "GET", looks, null);
            assertThat(api.answer(new int[] {429}, "GET", looks, null).header("Retry-After")).isEqualTo("2");
            api.answer(new int[] {200}, "GET", looks, null);
        }
    }

    private static CheckedApi login(LookerSim sim) {
        ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
        client.login();
        return new CheckedApi(client, SpecValidator.shared());
    }
}
