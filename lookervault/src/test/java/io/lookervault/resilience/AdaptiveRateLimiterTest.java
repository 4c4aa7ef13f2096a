package io.lookervault.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void a429SlowsEveryCallerToWhatTheSourceLetThroughAndPausesUntilRetryAfter() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        for (int i = 0; i < 11; i++) { // one second at the cap, every answer a success
            limiter.acquire();
            limiter.onSuccess();
        }
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(7))); // worker A saw a 429
        assertThat(limiter.currentRate()).isEqualTo(8.0); // 0.8 of the 10/s that got through

        long before = time.nanos();
        limiter.acquire(); // worker B, which never saw the 429, still waits out the pause
        assertThat(Duration.ofNanos(time.nanos() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));

        long afterPause = time.nanos();
        limiter.acquire(); // and then runs at the lower rate: 125 ms apart instead of 100 ms
        assertThat(Duration.ofNanos(time.nanos() - afterPause)).isEqualTo(Duration.ofMillis(125));
        assertThat(limiter.rateLimitedEvents()).isEqualTo(1);
    }

    @Test
    void aSlotBookedBeforeA429IsBookedAgainAfterThePause() throws Exception {
        // worker B booked the slot after A's; A's request comes back 429 while B sleeps towards its slot
        AdaptiveRateLimiter limiter = firstWaitMeetsA429(10, 0, Duration.ofMillis(20), Optional.of(Duration.ofSeconds(2)));
        long start = time.nanos();
        limiter.acquire(); // A: at once
        limiter.acquire(); // B: booked 100 ms ahead, then the 429 came
        assertThat(Duration.ofNanos(time.nanos() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSlotBookedAgainCountsOnceAgainstThePerMinuteCap() throws Exception {
        AdaptiveRateLimiter limiter = firstWaitMeetsA429(1000, 3, Duration.ZERO, Optional.of(Duration.ofSeconds(2)));
        long start = time.nanos();
        limiter.acquire(); // A
        limiter.acquire(); // B: booked, a 429 came while it waited, booked again after the pause
        limiter.acquire(); // C: the third of three a minute, not held back by B's first booking
        // after the 2 s pause, at 0.8/s (0.8 of the one request sent before the 429); a minute if B counted twice
        assertThat(Duration.ofNanos(time.nanos() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aSlotBookedButNotYetSentIsNotCountedAsSent() throws Exception {
        // nothing came back yet, so a 429 lowers the rate to 0.8 of what was sent over the last second: A alone,
        // not B, whose slot was booked but which still waited for it when the 429 came (and then booked again)
        AdaptiveRateLimiter limiter = firstWaitMeetsA429(10, 0, Duration.ZERO, Optional.empty());
        limiter.acquire(); // A: at once
        limiter.acquire(); // B: booked 100 ms ahead, the 429 came, sent after the pause
        assertThat(limiter.currentRate()).isEqualTo(0.8);
    }

    /**
     * A limiter on the fake clock whose first wait for a slot is cut into by another worker's 429, answered
     * {@code answerAfter} into that wait.
     */
    private AdaptiveRateLimiter firstWaitMeetsA429(double perSecond, int perMinute, Duration answerAfter,
                                                   Optional<Duration> retryAfter) {
        AdaptiveRateLimiter[] limiter = new AdaptiveRateLimiter[1];
        boolean[] answered = {false};
        Sleeper sleeper = d -> {
            if (!answered[0]) {
                answered[0] = true;
                time.advance(answerAfter);
                limiter[0].onRateLimited(retryAfter);
            }
            time.sleep(d);
        };
        limiter[0] = new AdaptiveRateLimiter(perSecond, perMinute, time, sleeper);
        return limiter[0];
    }

    @Test
    void aBurstOf429sFromManyWorkersLowersTheRateOnce() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(16, 0, time, time);
        limiter.onRateLimited(Optional.empty());
        limiter.onRateLimited(Optional.empty());
        limiter.onRateLimited(Optional.empty());
        assertThat(limiter.currentRate()).isEqualTo(16 * 0.8);
        time.advance(Duration.ofSeconds(2));
        limiter.onRateLimited(Optional.empty());
        assertThat(limiter.currentRate()).isCloseTo(16 * 0.8 * 0.8, within(1e-9));
        assertThat(limiter.rateLimitedEvents()).isEqualTo(4);
    }

    @Test
    void a429LowersTheRateAgainWhileItHasBeenGrowingEverySecond() {
        // regression: the guard ran from the last change of either kind, and the rate grows once a second, so
        // against a real rate limit only the run's first 429 ever lowered it (scenario 4 sent 60/s to a 40/s Looker)
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, 0, time, time);
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
        assertThat(limiter.currentRate()).isEqualTo(80.0);
        time.advance(Duration.ofMillis(1500));
        limiter.onSuccess(); // past the pause and a second after the decrease: one step up
        assertThat(limiter.currentRate()).isGreaterThan(80.0);
        double grown = limiter.currentRate();
        time.advance(Duration.ofMillis(600)); // 0.6 s after that increase, 2.1 s after the decrease
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
        assertThat(limiter.currentRate()).isLessThan(grown);
        assertThat(limiter.rateLimitedEvents()).isEqualTo(2);
    }

    @Test
    void recoversGraduallyAfterSuccesses() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
        assertThat(limiter.currentRate()).isEqualTo(8.0);

        limiter.onSuccess(); // still inside the pause: no change
        assertThat(limiter.currentRate()).isEqualTo(8.0);

        double previous = limiter.currentRate();
        int steps = 0;
        while (limiter.currentRate() < 10.0 && steps < 100) {
            time.advance(Duration.ofMillis(250));
            for (int i = 0; i < 5; i++) {
                limiter.onSuccess(); // many successes in one interval raise the rate only once
            }
            assertThat(limiter.currentRate() - previous).isLessThanOrEqualTo(0.5 + 1e-9);
            previous = limiter.currentRate();
            steps++;
        }
        assertThat(limiter.currentRate()).isEqualTo(10.0);
        // four steps of 0.5/s, each at least one second after the last change
        assertThat(steps).isBetween(14, 20);
    }

    @Test
    void neverGoesBelowTheFloorOrAboveTheCap() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(4, 0, time, time);
        for (int i = 0; i < 40; i++) {
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
    void withoutACeilingNothingIsPacedUntilA429() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0, 0, time, time);
        long start = time.nanos();
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(time.nanos()).isEqualTo(start);
        assertThat(limiter.currentRate()).isInfinite();
        for (int i = 0; i < 40; i++) { // the source lets 40/s through
            time.advance(Duration.ofMillis(25));
            limiter.onSuccess();
        }
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
        // 0.8 of the 37-40 successes the sliding one-second window still holds
        assertThat(limiter.currentRate()).isBetween(0.8 * 36, 0.8 * 40);
    }

    /**
     * Benchmark 4 on a fake clock: a source with a 40/s token bucket (burst 40, Retry-After 1 s) and no ceiling
     * on our side. After a 10 s settling time the limiter holds at least 0.9 of 40/s with at most 2% 429s.
     */
    @Test
    void holdsATokenBucketSourceNearItsRateWithFew429s() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0, 0, time, time);
        TokenBucket source = new TokenBucket(40, time.nanos());
        long start = time.nanos();
        long settled = start + Duration.ofSeconds(10).toNanos();
        long end = start + Duration.ofSeconds(70).toNanos();
        long ok = 0;
        long refused = 0;
        while (time.nanos() < end) {
            limiter.acquire();
            time.advance(Duration.ofMillis(2)); // the request's round trip
            boolean admitted = source.take(time.nanos());
            if (admitted) {
                limiter.onSuccess();
            } else {
                limiter.onRateLimited(Optional.of(Duration.ofSeconds(1)));
            }
            if (time.nanos() >= settled) {
                if (admitted) {
                    ok++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(ok / 60.0).isGreaterThanOrEqualTo(0.9 * 40);
        assertThat((double) refused / (ok + refused)).isLessThanOrEqualTo(0.02);
    }

    /** Looker's rate limit as the simulator models it: a token bucket of one second's worth. */
    private static final class TokenBucket {
        private final double perSecond;
        private double tokens;
        private long last;

        TokenBucket(double perSecond, long now) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
            this.last = now;
        }

        boolean take(long now) {
            tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
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

    /** Issue #13.2: {@code Retry-After: 86400} must not stall every worker for a day. */
    @Test
    void aDayLongRetryAfterPausesEveryoneOnlyUpToTheCap() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.onRateLimited(Optional.of(Duration.ofDays(1)));
        long before = time.nanos();
        limiter.acquire();
        assertThat(Duration.ofNanos(time.nanos() - before)).isEqualTo(Duration.ofMinutes(5));
    }

    /** Issue #13.2: {@code Retry-After: 99999999999} overflowed {@code Duration.toNanos()} and aborted the run. */
    @Test
    void anOverflowingRetryAfterIsCappedInsteadOfAbortingTheRun() throws Exception {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, 0, time, time);
        limiter.onRateLimited(Optional.of(Duration.ofSeconds(99_999_999_999L)));
        long before = time.nanos();
        limiter.acquire();
        assertThat(Duration.ofNanos(time.nanos() - before)).isEqualTo(Duration.ofMinutes(5));
    }
}
