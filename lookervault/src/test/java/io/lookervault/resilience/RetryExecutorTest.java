package io.lookervault.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryExecutorTest {
    /** A failure that is transient unless told otherwise, optionally with a server delay. */
    static final class Failure extends Exception {
        final boolean transientFailure;
        final Duration serverDelay;

        Failure(boolean transientFailure, Duration serverDelay) {
            super(transientFailure ? "transient" : "permanent");
            this.transientFailure = transientFailure;
            this.serverDelay = serverDelay;
        }
    }

    private final FakeTime time = new FakeTime();
    private final AtomicInteger retriesSeen = new AtomicInteger();

    private RetryExecutor executor(int maxRetries) {
        return new RetryExecutor(new RetryRule(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30),
                t -> t instanceof Failure f && f.transientFailure,
                t -> t instanceof Failure f ? Optional.ofNullable(f.serverDelay) : Optional.empty()),
                time, (f, n, d) -> retriesSeen.incrementAndGet());
    }

    @Test
    void stopsAfterMaxRetriesAndRethrowsTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> executor(3).call(Failure.class, () -> {
            attempts.incrementAndGet();
            throw new Failure(true, null);
        })).isInstanceOf(Failure.class);
        assertThat(attempts).hasValue(4);
        assertThat(retriesSeen).hasValue(3);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void backsOffExponentiallyWithBoundedJitter() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> executor(5).call(Failure.class, () -> {
            attempts.incrementAndGet();
            throw new Failure(true, null);
        })).isInstanceOf(Failure.class);
        long[] base = {500, 1000, 2000, 4000, 8000};
        for (int i = 0; i < base.length; i++) {
            long ms = time.sleeps().get(i).toMillis();
            assertThat(ms).as("delay %d", i).isBetween((long) (base[i] * 0.75), (long) (base[i] * 1.25));
        }
    }

    @Test
    void retryAfterBeatsComputedBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = executor(5).call(Failure.class, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new Failure(true, Duration.ofSeconds(17));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(17), Duration.ofSeconds(17));
    }

    @Test
    void anAbsurdRetryAfterIsCapped() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        executor(2).call(Failure.class, () -> {
            if (attempts.incrementAndGet() < 2) {
                throw new Failure(true, Duration.ofDays(1));
            }
            return "ok";
        });
        assertThat(time.sleeps()).containsExactly(RetryExecutor.MAX_SERVER_DELAY);
    }

    @Test
    void neverRetriesAPermanentFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> executor(5).call(Failure.class, () -> {
            attempts.incrementAndGet();
            throw new Failure(false, null);
        })).isInstanceOf(Failure.class).hasMessage("permanent");
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void succeedsAfterTransientFailures() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        int v = executor(5).call(Failure.class, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new Failure(true, null);
            }
            return 42;
        });
        assertThat(v).isEqualTo(42);
        assertThat(retriesSeen).hasValue(2);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> executor(0).call(Failure.class, () -> {
            attempts.incrementAndGet();
            throw new Failure(true, null);
        })).isInstanceOf(Failure.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void interruptDuringBackoffPropagatesAndIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            assertThatThrownBy(() -> executor(5).call(Failure.class, () -> {
                attempts.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new Failure(true, null);
            })).isInstanceOf(InterruptedException.class);
            assertThat(attempts).hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }
}
