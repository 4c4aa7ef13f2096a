package io.lookervault.resilience;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests may be in flight at once, shared by every worker of a command. Thread-safe.
 *
 * <p>{@link #adaptive} discovers the number the way TCP Vegas does, with Netflix concurrency-limits'
 * {@link VegasLimit}: each answer's round trip is compared with the unloaded one; a queue building up in Looker
 * (round trips growing with the limit) shrinks the limit, steady round trips grow it, never above the maximum
 * (the command's workers). Round trips are first divided by the fastest one seen for the same kind of request
 * ({@link RttBaselines}), because a dashboard that Looker builds for 300 ms is not a queue next to a 20 ms list
 * page. A 429 or 503 (or a timeout) also shrinks it. As in TCP Vegas, the limit moves at most once per round
 * trip, on the round's average: answers to requests sent from one round trip after the last change on are
 * gathered for one round trip and given to the algorithm as one sample ({@link Round}). Answers to requests sent
 * before a change has settled say nothing about the new limit, and single answers swing: a Looker that serves a fixed number at a time answers in
 * waves, some requests served at once and some after waiting a whole turn. Fed every answer, as the library's
 * own limiters do, the limit overshoots to the maximum and back to a handful.
 *
 * <p>{@link #fixed} holds the limit at the maximum: the workers alone bound it.
 */
public final class ConcurrencyLimiter {
    /** Where an adaptive limit starts: low enough to be gentle, and a few answers grow it to the workers. */
    static final int INITIAL_LIMIT = 4;
    private static final int NEVER_PROBE = Integer.MAX_VALUE / 1024;

    private final Limit algorithm;
    private final int max;
    private final boolean adaptive;
    private final Ticker ticker;
    private final RttBaselines baselines = new RttBaselines();
    private final LimitHistory history;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private volatile int limit;
    private volatile long lastChangeAt = Long.MIN_VALUE;
    private final Round round = new Round();
    private int inFlight;
    /** Null for a fixed limit. */
    private SlowStart slowStart;

    private ConcurrencyLimiter(Limit algorithm, int max, boolean adaptive, Ticker ticker) {
        this.algorithm = algorithm;
        this.max = max;
        this.adaptive = adaptive;
        this.ticker = ticker;
        this.limit = algorithm == null ? max : Math.min(max, algorithm.getLimit());
        this.history = new LimitHistory(ticker.nanos());
        history.moved(ticker.nanos(), limit);
        if (algorithm != null) {
            algorithm.notifyOnChange(this::onNewLimit);
        }
    }

    /** A limit discovered from round trips and overload answers, between 1 and {@code max}. */
    public static ConcurrencyLimiter adaptive(int max, Ticker ticker) {
        int cap = Math.max(1, max);
        SlowStart growth = new SlowStart();
        // Vegas keeps between alpha and beta requests queued in the source; the library's 3..6 would let a Looker
        // serving 8 at a time see 11..14, i.e. round trips up to 1.75x the unloaded ones. 2..3 keeps them
        // within 1.4x, and the larger shares for large limits keep the library's stability there.
        Limit vegas = VegasLimit.newBuilder()
                .initialLimit(Math.min(cap, INITIAL_LIMIT))
                .maxConcurrency(cap)
                .alpha(limit -> Math.max(2, limit / 10))
                .beta(limit -> Math.max(3, limit / 5))
                // grow by one per round trip, never by beta: a single answer that found Looker's queue empty by
                // chance must not add four requests to it (a queue is never below -1, so that branch is off)
                .threshold(limit -> -1)
                .increaseFunction(growth)
                // the unloaded round trip per kind of request is RttBaselines' job; Vegas' own probe would take a
                // loaded round trip as the new baseline while Looker stays busy, and let the limit drift up
                .probeMultiplier(NEVER_PROBE)
                .build();
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(vegas, cap, true, ticker);
        limiter.slowStart = growth;
        return limiter;
    }

    /**
     * How the limit grows after a round without a queue: doubled (TCP's slow start) until the first cut, then by
     * one. The start stays at {@link #INITIAL_LIMIT}, so that the unloaded round trips are learnt while Looker is
     * not loaded (started high on a busy Looker, the first round trips would already be queued and read as
     * unloaded); doubling then reaches 16 workers in two round trips instead of twelve, which a short run (a
     * restore of ten seconds) felt. The first queue or 429/503 seen ends it for good.
     */
    private static final class SlowStart implements java.util.function.DoubleUnaryOperator {
        private volatile boolean on = true;

        @Override
        public double applyAsDouble(double limit) {
            return on ? limit * 2 : limit + Math.max(1, Math.log10(limit));
        }

        void end() {
            on = false;
        }
    }

    /** No discovery: up to {@code max} in flight (0 or less: no bound). */
    public static ConcurrencyLimiter fixed(int max) {
        return new ConcurrencyLimiter(null, max > 0 ? max : Integer.MAX_VALUE, false, Ticker.SYSTEM);
    }

    /** Waits until one more request may be in flight; {@code kind} groups requests of one cost (e.g. "GET /looks/{}"). */
    public Permit acquire(String kind) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                freed.await();
            }
            return grant(kind);
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #acquire} without waiting: null when the limit is reached. */
    Permit tryAcquire(String kind) {
        lock.lock();
        try {
            return inFlight >= limit ? null : grant(kind);
        } finally {
            lock.unlock();
        }
    }

    private Permit grant(String kind) {
        inFlight++;
        history.record(limit);
        return new Permit(kind, ticker.nanos(), inFlight);
    }

    private void onNewLimit(int newLimit) {
        lock.lock();
        try {
            int next = Math.max(1, Math.min(max, newLimit));
            if (next < limit && slowStart != null) {
                slowStart.end();
            }
            limit = next;
            history.moved(ticker.nanos(), limit);
            // one round trip for Looker's queue to settle to the new limit: requests sent right after a cut find
            // the queue drained by the pause and would read as "room for more"
            lastChangeAt = ticker.nanos() + round.lastRtt;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The answers of one round trip, given to the algorithm as one sample: their average normalised round trip,
     * the most that were in flight, and whether Looker said it was overloaded (which closes the round at once).
     * Thread-safe.
     */
    private final class Round {
        private static final int MIN_SAMPLES = 3;
        private long startedAt = Long.MIN_VALUE;
        private long rttSum;
        private long normalisedSum;
        private int samples;
        private int maxInFlight;
        private volatile long lastRtt;

        synchronized void add(long now, long rtt, long normalised, int inFlightAtStart, boolean dropped) {
            if (samples == 0) {
                startedAt = now;
            }
            samples++;
            rttSum += rtt;
            normalisedSum += normalised;
            maxInFlight = Math.max(maxInFlight, inFlightAtStart);
            // a whole window of requests (as many as the limit) over at least one round trip: in a Looker that
            // answers in waves, fewer would be only the lucky or only the unlucky ones
            if (dropped || (samples >= Math.max(MIN_SAMPLES, limit) && now - startedAt >= rttSum / samples)) {
                long average = normalisedSum / samples;
                lastRtt = rttSum / samples;
                int peak = maxInFlight;
                long start = startedAt;
                samples = 0;
                rttSum = 0;
                normalisedSum = 0;
                maxInFlight = 0;
                algorithm.onSample(start, Math.max(1, average), peak, dropped);
            }
        }
    }

    /** The limit now, in flight now, and how the limit moved so far. */
    public Snapshot snapshot() {
        lock.lock();
        try {
            return new Snapshot(inFlight, limit == Integer.MAX_VALUE ? 0 : limit, adaptive, history.summary(),
                    history.timeline());
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param inFlight requests being answered now
     * @param limit    how many may be; 0 for no bound
     * @param adaptive whether the limit is discovered ({@code auto}) or fixed
     * @param moved    the limit seen by each request sent so far
     * @param timeline the limit over time (see {@link LimitHistory})
     */
    public record Snapshot(int inFlight, int limit, boolean adaptive, LimitHistory.Summary moved,
                           java.util.List<LimitHistory.Point> timeline) {
        /** Nothing known: a client without a limiter (a test double). */
        public static final Snapshot NONE = new Snapshot(0, 0, false, LimitHistory.Summary.NONE, java.util.List.of());

        /** As the progress line shows it: {@code 14/16 (auto)}, {@code 8/8} or, unbounded, {@code 3}. */
        public String describe() {
            String s = limit > 0 ? inFlight + "/" + limit : Integer.toString(inFlight);
            return adaptive ? s + " (auto)" : s;
        }
    }

    /** One request's place in flight; exactly one of its methods must be called when its answer is in. */
    public final class Permit {
        private final String kind;
        private final long startedAt;
        private final int inFlightAtStart;
        private boolean done;

        private Permit(String kind, long startedAt, int inFlightAtStart) {
            this.kind = kind;
            this.startedAt = startedAt;
            this.inFlightAtStart = inFlightAtStart;
        }

        /** Answered normally: its round trip is a sample. */
        public void success() {
            if (finish() && algorithm != null) {
                long now = ticker.nanos();
                long rtt = Math.max(1, now - startedAt);
                long normalised = baselines.normalise(kind, rtt, true);
                if (startedAt > lastChangeAt) {
                    round.add(now, rtt, normalised, inFlightAtStart, false);
                }
            }
        }

        /** Looker is overloaded (429, 503, a timeout): shrink, once per round trip. */
        public void overloaded() {
            if (finish() && algorithm != null && startedAt > lastChangeAt) {
                long now = ticker.nanos();
                long rtt = Math.max(1, now - startedAt);
                round.add(now, rtt, baselines.normalise(kind, rtt, false), inFlightAtStart, true);
            }
        }

        /** Says nothing about load (a client error, a failed connection): just leave. */
        public void ignore() {
            finish();
        }

        private boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            release();
            return true;
        }
    }
}
