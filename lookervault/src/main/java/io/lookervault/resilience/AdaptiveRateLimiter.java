package io.lookervault.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request-rate budget shared by every worker of a command. Thread-safe.
 *
 * <p>Permits are spaced evenly at the current rate (no bursts) and, when a per-minute cap is set, no more than
 * that many fall in any 60-second window. The rate starts at the ceiling, which may be none at all (then only
 * 429s ever slow it). A 429 pauses every caller until the server's {@code Retry-After} (capped, so a proxy's
 * "come back tomorrow" cannot stall a run for a day) and lowers the rate to {@link #DECREASE} of what the source
 * really let through over the last second (the successes; what was sent when none came back), once per second,
 * so a burst of 429s from many workers is one signal. Each second of successes after the pause then adds
 * {@link #INCREASE} of that rate: the source's limit is approached slowly and probed gently, like TCP's additive
 * increase, instead of being hit again at once. Failsafe's
 * RateLimiter is fixed once built, hence this small hand-written one.
 */
public final class AdaptiveRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveRateLimiter.class);
    static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** How long successes must last between two rate increases. */
    static final long RECOVERY_INTERVAL = SECOND;
    /** 429s within this window of the last decrease do not lower the rate again. */
    private static final long DECREASE_GUARD = SECOND;
    private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
    /** The longest Retry-After honoured unless told otherwise (the retry policy's own maximum). */
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofMinutes(5);
    /** After a 429 the rate drops to this share of the rate actually sent. */
    static final double DECREASE = 0.8;
    /** Each recovery interval adds this share of the rate at the last 429. */
    static final double INCREASE = 0.02;
    private static final double MIN_RATE = 0.5;

    private final double ceiling;
    private final int perMinute;
    private final long maxPauseNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ArrayDeque<Long> minuteWindow = new ArrayDeque<>();
    private final SendRate sent = new SendRate();
    private final SendRate succeeded = new SendRate();

    private double rate;
    private double step;
    private long nextFree;
    private long pausedUntil;
    private long lastChange;
    /** When a 429 last lowered the rate: the guard against one burst of 429s counting twice runs from here. */
    private long lastDecrease;
    private boolean decreasedOnce;
    private long rateLimitedEvents;

    /**
     * @param perSecond ceiling in requests per second; 0 or infinite for none
     * @param perMinute cap in requests per minute, 0 for none
     * @param maxPause  longest {@code Retry-After} honoured; longer ones are cut to it (and logged)
     */
    public AdaptiveRateLimiter(double perSecond, int perMinute, Duration maxPause, Ticker ticker, Sleeper sleeper) {
        if (perSecond < 0 || Double.isNaN(perSecond) || perMinute < 0 || maxPause.isNegative()) {
            throw new IllegalArgumentException("perSecond, perMinute and maxPause must not be negative");
        }
        this.ceiling = perSecond == 0 ? Double.POSITIVE_INFINITY : perSecond;
        this.perMinute = perMinute;
        this.maxPauseNanos = maxPause.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 4 : maxPause.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.rate = ceiling;
        this.step = Double.isInfinite(ceiling) ? 0 : ceiling / 10;
        long now = ticker.nanos();
        this.nextFree = now;
        this.pausedUntil = now;
        this.lastChange = now;
    }

    /** A limiter with the default Retry-After cap. */
    public AdaptiveRateLimiter(double perSecond, int perMinute, Ticker ticker, Sleeper sleeper) {
        this(perSecond, perMinute, DEFAULT_MAX_PAUSE, ticker, sleeper);
    }

    /**
     * Waits until this caller may send one request. A slot booked before a 429 arrived is booked again: it was
     * spaced at the old rate and may fall inside the pause (eight workers each holding a slot up to 200 ms ahead
     * sent into a pause that Looker had just asked for, each earning a 429 of its own).
     */
    public void acquire() throws InterruptedException {
        for (;;) {
            long epoch;
            long at;
            synchronized (this) {
                epoch = rateLimitedEvents;
                at = reserve();
            }
            long wait = at - ticker.nanos();
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
            synchronized (this) {
                if (rateLimitedEvents == epoch) {
                    sent.record(at); // counted once sent: a slot booked again counts once, not per booking
                    return;
                }
                minuteWindow.removeLastOccurrence(at); // not sent: the per-minute cap must not count it
            }
        }
    }

    /** Books the next free slot and returns when it is, on the ticker's clock. */
    private synchronized long reserve() {
        long now = ticker.nanos();
        long at = Math.max(now, Math.max(nextFree, pausedUntil));
        if (perMinute > 0) {
            if (minuteWindow.size() >= perMinute) {
                at = Math.max(at, minuteWindow.pollFirst() + MINUTE);
            }
            minuteWindow.addLast(at);
        }
        nextFree = Double.isInfinite(rate) ? at : at + (long) (SECOND / rate);
        return at;
    }

    /** A 429 arrived: slow everyone down and pause until {@code retryAfter} (1 s when Looker gave none). */
    public synchronized void onRateLimited(Optional<Duration> retryAfter) {
        long now = ticker.nanos();
        rateLimitedEvents++;
        // measured from the last decrease, not the last change: the rate grows once a second, so a guard from the
        // last increase let only the run's first 429 lower it, and the rate then climbed 2% a second for good
        if (!decreasedOnce || now - lastDecrease >= DECREASE_GUARD) {
            double sending = Math.min(rate, observedRate(now));
            rate = Math.max(MIN_RATE, sending * DECREASE);
            double floor = Math.min(MIN_RATE, ceiling / 10);
            step = Math.max(floor, Math.min(ceiling / 10, sending * INCREASE));
            decreasedOnce = true;
            lastChange = now;
            lastDecrease = now;
            if (LOG.isDebugEnabled()) {
                LOG.debug(String.format(java.util.Locale.ROOT, "429: request rate now %.1f/s (%.1f of %.1f/s let through"
                        + " or sent over the last second)", rate, DECREASE, sending));
            }
        }
        long pause = pauseNanos(retryAfter);
        pausedUntil = Math.max(pausedUntil, now + pause);
        nextFree = Math.max(nextFree, pausedUntil);
    }

    /** What got through over the last second; what was sent when nothing did; the rate when nothing was sent. */
    private double observedRate(long now) {
        double let = succeeded.perSecond(now);
        if (let >= 1) {
            return let;
        }
        double tried = sent.perSecond(now);
        return tried >= 1 ? tried : rate;
    }

    private long pauseNanos(Optional<Duration> retryAfter) {
        Duration asked = retryAfter.filter(d -> !d.isNegative()).orElse(DEFAULT_PAUSE);
        // compare before toNanos(): a Retry-After of 99999999999 s overflows a long of nanoseconds
        if (asked.compareTo(Duration.ofNanos(maxPauseNanos)) > 0) {
            LOG.warn("Looker asked to wait {} s before retrying (Retry-After); waiting {} s instead, the longest"
                    + " allowed (max_retry_after)", asked.getSeconds(), Duration.ofNanos(maxPauseNanos).getSeconds());
            return maxPauseNanos;
        }
        return asked.toNanos();
    }

    /** A request succeeded: after a quiet recovery interval, raise the rate by one step. */
    public synchronized void onSuccess() {
        long now = ticker.nanos();
        succeeded.record(now);
        if (rate < ceiling && now >= pausedUntil && now - lastChange >= RECOVERY_INTERVAL) {
            rate = Math.min(ceiling, rate + step);
            lastChange = now;
        }
    }

    /** The current permitted rate in requests per second; infinite when nothing limits it. */
    public synchronized double currentRate() {
        return rate;
    }

    /** The ceiling in requests per second; infinite when none was set. */
    public double maxRate() {
        return ceiling;
    }

    /** How many 429s were reported to this limiter. */
    public synchronized long rateLimitedEvents() {
        return rateLimitedEvents;
    }

    /** Events over the last second, in ten 100 ms slots. Not thread-safe (guarded by the limiter). */
    private static final class SendRate {
        private static final long SLOT = SECOND / 10;
        private final long[] counts = new long[10];
        private long slot = Long.MIN_VALUE;

        void record(long at) {
            advance(at / SLOT);
            counts[(int) Math.floorMod(slot, 10L)]++;
        }

        double perSecond(long now) {
            advance(now / SLOT);
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }

        private void advance(long to) {
            if (slot == Long.MIN_VALUE || to - slot >= 10) {
                java.util.Arrays.fill(counts, 0);
                slot = to;
                return;
            }
            while (slot < to) {
                slot++;
                counts[(int) Math.floorMod(slot, 10L)] = 0;
            }
        }
    }
}
