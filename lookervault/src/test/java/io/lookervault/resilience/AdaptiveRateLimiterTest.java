package io.lookervault.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {
    private final FakeTime time = new FakeTime();

    @Test
    void capsRequestsPerSecond() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        long start = time.nanos();
        for (int i = 0; i < 101; i++) {
            limiter.acquire();
        }
        // 101 permits at 10/s: the first is free, the other 100 need 10 s.
        assertThat(Duration.ofNanos(time.nanos() - start)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void doesNotSaveUpABurstWhileIdle() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.acquire();
        time.advance(Duration.ofMinutes(1));
        long start = time.nanos();
        for (int i = 0; i < 11; i++) {
            limiter.acquire();
        }
        assertThat(Duration.ofNanos(time.nanos() - start)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void capsRequestsPerMinute() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(1000, 60, time, time);
        long start = time.nanos();
        for (int i = 0; i < 60; i++) {
            limiter.acquire();
        }
        assertThat(Duration.ofNanos(time.nanos() - start)).isLessThan(Duration.ofSeconds(1));
        limiter.acquire(); // the 61st must wait for the first to leave the 60 s window
        assertThat(Duration.ofNanos(time.nanos() - start)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a429SlowsEveryCallerAndPausesUntilRetryAfter() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.acquire(); // worker A
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(7))); // A saw a 429
        assertThat(limiter.currentRate()).isEqualTo(5.0);

        long before = time.nanos();
        limiter.acquire(); // worker B, which never saw the 429, still waits out the pause
        assertThat(Duration.ofNanos(time.nanos() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));

        long afterPause = time.nanos();
        limiter.acquire(); // and then runs at the halved rate: 200 ms apart instead of 100 ms
        assertThat(Duration.ofNanos(time.nanos() - afterPause)).isEqualTo(Duration.ofMillis(200));
        assertThat(limiter.rateLimitedEvents()).isEqualTo(1);
    }

    @Test
    void aBurstOf429sFromManyWorkersHalvesOnce() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(16, 0, time, time);
        limiter.onRateLimited(Optional.empty());
        limiter.onRateLimited(Optional.empty());
        limiter.onRateLimited(Optional.empty());
        assertThat(limiter.currentRate()).isEqualTo(8.0);
        time.advance(Duration.ofSeconds(2));
        limiter.onRateLimited(Optional.empty());
        assertThat(limiter.currentRate()).isEqualTo(4.0);
        assertThat(limiter.rateLimitedEvents()).isEqualTo(4);
    }

    @Test
    void recoversGraduallyAfterSuccesses() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
        assertThat(limiter.currentRate()).isEqualTo(5.0);

        limiter.onSuccess(); // still inside the pause: no change
        assertThat(limiter.currentRate()).isEqualTo(5.0);

        double previous = limiter.currentRate();
        int steps = 0;
        while (limiter.currentRate() < 10.0 && steps < 100) {
            time.advance(Duration.ofMillis(250));
            for (int i = 0; i < 5; i++) {
                limiter.onSuccess(); // many successes in one interval raise the rate only once
            }
            assertThat(limiter.currentRate() - previous).isLessThanOrEqualTo(1.0 + 1e-9);
            previous = limiter.currentRate();
            steps++;
        }
        assertThat(limiter.currentRate()).isEqualTo(10.0);
        // five steps of one tenth of the cap, each at least one second apart
        assertThat(steps).isBetween(17, 24);
    }

    @Test
    void neverGoesBelowTheFloorOrAboveTheCap() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(4, 0, time, time);
        for (int i = 0; i < 20; i++) {
            time.advance(Duration.ofSeconds(2));
            limiter.onRateLimited(Optional.empty());
        }
        assertThat(limiter.currentRate()).isEqualTo(0.5);
        for (int i = 0; i < 200; i++) {
            time.advance(Duration.ofSeconds(2));
            limiter.onSuccess();
        }
        assertThat(limiter.currentRate()).isEqualTo(4.0);
    }

    @Test
    void interruptPropagates() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(1, 0, time, time);
        Thread.currentThread().interrupt();
        try {
            limiter.onRateLimited(Optional.of(Duration.ofSeconds(5)));
            assertThatThrownBy(limiter::acquire).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
