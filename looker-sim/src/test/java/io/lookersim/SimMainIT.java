package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line serving: it prints its URL and credentials, then serves until interrupted. */
class SimMainIT {
    /** Collects what SimMain prints and opens the latch once the credentials block is complete. */
    private static final class Output extends ByteArrayOutputStream {
        final CountDownLatch printed = new CountDownLatch(1);

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            if (toString(StandardCharsets.UTF_8).contains("LOOKERSDK_CLIENT_SECRET")) printed.countDown();
        }
    }

    @Test
    void servesUntilInterruptedAndPrintsCredentials() throws Exception {
        Output out = new Output();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> SimMain.run(new String[]{"--port", "0", "--scale", "10", "--client-id", "abc",
                "--client-secret", "s3cr3t"}, ps, ps));
        t.start();
        assertThat(out.printed.await(10, TimeUnit.SECONDS)).as("credentials printed").isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("LOOKERSDK_BASE_URL=http://127.0.0.1:").contains("LOOKERSDK_CLIENT_ID=abc");
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
    }
}
