package io.lookervault.resilience;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Round trips as multiples of the fastest one recently seen for the same kind of request, so that one baseline
 * serves requests of very different cost: a dashboard Looker builds for 300 ms and a 20 ms list page both read
 * as "1.0 unloaded". "Recently" is a windowed minimum over the last {@link #WINDOW} to 2 × {@code WINDOW}
 * round trips of the kind (the min-RTT filter of BBR, counted in samples rather than seconds): a lucky fast
 * answer early on, or a Looker that has become slower for good (a bigger model, a busier database), must not
 * read as a queue for the rest of a long run and hold the limit down. While the limiter keeps Looker's queue
 * short, fresh round trips near the unloaded one keep arriving, so the window always holds one. Thread-safe.
 */
final class RttBaselines {
    /** The normalised round trip of an unloaded request, in the nanoseconds the limit algorithm expects. */
    static final long UNIT = 1_000_000L;
    /** Round trips of one kind per window of the minimum. */
    static final int WINDOW = 256;

    private final ConcurrentMap<String, MinWindow> fastest = new ConcurrentHashMap<>();

    /**
     * @param learn whether this round trip may become the kind's baseline (not for overload answers, which
     *              come back fast without any work done)
     */
    long normalise(String kind, long rttNanos, boolean learn) {
        MinWindow w = fastest.computeIfAbsent(kind, k -> new MinWindow());
        long base = learn ? w.add(rttNanos) : w.min(rttNanos);
        return Math.max(UNIT, Math.round((double) rttNanos / base * UNIT));
    }

    /** The minimum of the current window and the one before it. */
    private static final class MinWindow {
        private long current = Long.MAX_VALUE;
        private long previous = Long.MAX_VALUE;
        private int samples;

        synchronized long add(long rtt) {
            current = Math.min(current, rtt);
            if (++samples >= WINDOW) {
                previous = current;
                current = Long.MAX_VALUE;
                samples = 0;
            }
            return Math.min(current, previous);
        }

        synchronized long min(long otherwise) {
            long m = Math.min(current, previous);
            return m == Long.MAX_VALUE ? otherwise : m;
        }
    }
}
