package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line without a server: help and usage errors (serving is SimMainIT). */
class SimMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--client-id", "--client-secret", "--scale", "--seed",
                "--latency-ms", "--per-item-latency-us", "--max-concurrent", "--rate-limit-per-second", "--fault-rate", "--token-ttl");
    }

    @Test
    void badFlagOrValueIsAUsageError() {
        assertThat(run("--nope", "1")).isEqualTo(2);
        assertThat(run("--scale", "many")).isEqualTo(2);
        assertThat(run("--port")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scale");
    }
}
