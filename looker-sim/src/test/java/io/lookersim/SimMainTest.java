package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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

    @Test
    void servesUntilInterruptedAndPrintsCredentials() throws Exception {
        Thread t = new Thread(() -> run("--port", "0", "--scale", "10", "--client-id", "abc", "--client-secret", "s3cr3t"));
        t.start();
        for (int i = 0; i < 200 && !out.toString(StandardCharsets.UTF_8).contains("SECRET"); i++) Thread.onSpinWait();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("LOOKERSDK_CLIENT_SECRET") && System.nanoTime() < deadline) Thread.yield();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("LOOKERSDK_BASE_URL=http://127.0.0.1:").contains("LOOKERSDK_CLIENT_ID=abc");
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
    }
}
