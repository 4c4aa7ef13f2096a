package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One simulator (scale 200, seed 5) and a logged-in client for all tests of a class; each test makes its own
 * items, so they do not depend on one another. Test classes run one at a time (no parallel execution here).
 */
abstract class SharedSim {
    static LookerSim sim;
    static SimClient c;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().scale(200).seed(5).build().start();
        c = SimClient.loggedIn(sim);
    }

    @AfterAll
    static void stop() { sim.close(); }

    /** The answer's JSON, after checking it is a 200 (its body is the failure message otherwise). */
    static JsonNode ok(SimClient.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
