package io.lookervault.resilience;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a concurrency limit moved: the limit each request was sent under, counted per value, so that a run can
 * report its minimum, median and maximum. Thread-safe.
 */
public final class LimitHistory {
    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    /** @param limit the limit a request was sent under; {@code Integer.MAX_VALUE} (no bound) is recorded as 0 */
    synchronized void record(int limit) {
        counts.merge(limit == Integer.MAX_VALUE ? 0 : limit, 1L, Long::sum);
    }

    synchronized Summary summary() {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Summary.NONE;
        }
        long seen = 0;
        int median = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen * 2 >= total) {
                median = e.getKey();
                break;
            }
        }
        return new Summary(counts.firstKey(), median, counts.lastKey());
    }

    /** The limit's minimum, median (weighted by requests) and maximum; all 0 when nothing was sent or unbounded. */
    public record Summary(int min, int median, int max) {
        public static final Summary NONE = new Summary(0, 0, 0);

        @Override
        public String toString() {
            return min + "/" + median + "/" + max;
        }
    }
}
