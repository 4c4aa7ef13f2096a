package io.lookervault.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One request budget shared by every worker of a command. Thread-safe.
 *
 * <p>Permits are spaced evenly at the current rate (no bursts) and, when a per-minute cap is set, no
 * more than that many fall in any 60-second window. A 429 halves the rate for everyone (once per
 * second, so a burst of 429s from many workers counts as one signal) and pauses every caller until
 * the server's {@code Retry-After}; afterwards each recovery interval with successes raises the rate
 * by a tenth of the cap, so it climbs back gradually instead of re-triggering the limit at once.
 * Failsafe's RateLimiter is fixed once built, hence this small hand-written one.
 */
public final class AdaptiveRateLimiter {
    static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** How long successes must last between two rate increases. */
    static final long RECOVERY_INTERVAL = SECOND;
    /** 429s within this window of the last decrease do not halve the rate again. */
    private static final long DECREASE_GUARD = SECOND;
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

    private final double maxRate;
    private final double minRate;
    private final int perMinute;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ArrayDeque<Long> minuteWindow = new ArrayDeque<>();

    private double rate;
    private long nextFree;
    private long pausedUntil;
    private long lastChange;
    private boolean decreasedOnce;
    private long rateLimitedEvents;

    /**
     * @param perSecond cap in requests per second (&gt; 0)
     * @param perMinute cap in requests per minute, 0 for none
     */
    public AdaptiveRateLimiter(double perSecond, int perMinute, Ticker ticker, Sleeper sleeper) {
        if (!(perSecond > 0) || perMinute < 0) {
            throw new IllegalArgumentException("perSecond must be > 0 and perMinute >= 0");
        }
        this.maxRate = perSecond;
        this.minRate = Math.min(perSecond, 0.5);
        this.perMinute = perMinute;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.rate = perSecond;
        long now = ticker.nanos();
        this.nextFree = now;
        this.pausedUntil = now;
        this.lastChange = now;
    }

    /** Waits until this caller may send one request. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** Books the next free slot and returns how long to wait for it, in nanoseconds. */
    synchronized long reserve() {
        long now = ticker.nanos();
        long at = Math.max(now, Math.max(nextFree, pausedUntil));
        if (perMinute > 0) {
            if (minuteWindow.size() >= perMinute) {
                at = Math.max(at, minuteWindow.pollFirst() + MINUTE);
            }
            minuteWindow.addLast(at);
        }
        nextFree = at + (long) (SECOND / rate);
        return at - now;
    }

    /** A 429 arrived: slow everyone down and pause until {@code retryAfter} (1 s when Looker gave none). */
    public synchronized void onRateLimited(Optional<Duration> retryAfter) {
        long now = ticker.nanos();
        rateLimitedEvents++;
        if (!decreasedOnce || now - lastChange >= DECREASE_GUARD || rate >= maxRate) {
            rate = Math.max(minRate, rate / 2);
            decreasedOnce = true;
        }
        lastChange = now;
        long pause = retryAfter.filter(d -> !d.isNegative()).orElse(DEFAULT_PAUSE).toNanos();
        pausedUntil = Math.max(pausedUntil, now + pause);
        nextFree = Math.max(nextFree, pausedUntil);
    }

    /** A request succeeded: after a quiet recovery interval, raise the rate by a tenth of the cap. */
    public synchronized void onSuccess() {
        long now = ticker.nanos();
        if (rate < maxRate && now >= pausedUntil && now - lastChange >= RECOVERY_INTERVAL) {
            rate = Math.min(maxRate, rate + maxRate / 10);
            lastChange = now;
        }
    }

    /** The current permitted rate in requests per second. */
    public synchronized double currentRate() {
        return rate;
    }

    public double maxRate() {
        return maxRate;
    }

    /** How many 429s were reported to this limiter. */
    public synchronized long rateLimitedEvents() {
        return rateLimitedEvents;
    }
}
