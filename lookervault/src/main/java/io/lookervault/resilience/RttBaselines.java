package io.lookervault.resilience;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Round trips as multiples of the fastest one seen for the same kind of request, so that one baseline serves
 * requests of very different cost: a dashboard Looker builds for 300 ms and a 20 ms list page both read as
 * "1.0 unloaded". Thread-safe.
 */
final class RttBaselines {
    /** The normalised round trip of an unloaded request, in the nanoseconds the limit algorithm expects. */
    static final long UNIT = 1_000_000L;

    private final ConcurrentMap<String, Long> fastest = new ConcurrentHashMap<>();

    /**
     * @param learn whether this round trip may become the kind's baseline (not for overload answers, which
     *              come back fast without any work done)
     */
    long normalise(String kind, long rttNanos, boolean learn) {
        long base = learn ? fastest.merge(kind, rttNanos, Math::min) : fastest.getOrDefault(kind, rttNanos);
        return Math.max(UNIT, Math.round((double) rttNanos / base * UNIT));
    }
}
