package io.lookervault.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a concurrency limit moved: the limit each request was sent under, counted per value, so that a run can
 * report its minimum, median and maximum; and the limit over time: where it started, then one point per second in
 * which it changed (at most {@link #MAX_POINTS}: a long run keeps every other point when full, so the shape survives at a
 * coarser grain). Thread-safe.
 */
public final class LimitHistory {
    /** Enough for a 10-minute run at one point a second; a longer one thins out. */
    static final int MAX_POINTS = 600;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private final List<Point> timeline = new ArrayList<>();
    private final long startNanos;

    /** @param startNanos the ticker reading that is second 0 of the timeline */
    LimitHistory(long startNanos) {
        this.startNanos = startNanos;
    }

    /** @param limit the limit a request was sent under; {@code Integer.MAX_VALUE} (no bound) is recorded as 0 */
    synchronized void record(int limit) {
        counts.merge(bounded(limit), 1L, Long::sum);
    }

    /** The limit is {@code limit} from {@code nanos} on (a ticker reading). */
    synchronized void moved(long nanos, int limit) {
        long second = Math.max(0, (nanos - startNanos) / 1_000_000_000L);
        Point p = new Point(second, bounded(limit));
        int last = timeline.size() - 1;
        if (last > 0 && timeline.get(last).second() == second) {
            timeline.set(last, p); // one point a second: where the limit ended that second (the start stays)
        } else if (last < 0 || timeline.get(last).limit() != p.limit()) {
            timeline.add(p);
        }
        if (timeline.size() > MAX_POINTS) {
            List<Point> thinned = new ArrayList<>();
            for (int i = 0; i < timeline.size(); i += 2) {
                thinned.add(timeline.get(i));
            }
            thinned.set(thinned.size() - 1, timeline.get(timeline.size() - 1)); // the latest value is kept
            timeline.clear();
            timeline.addAll(thinned);
        }
    }

    private static int bounded(int limit) {
        return limit == Integer.MAX_VALUE ? 0 : limit;
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

    /** The limit over time, oldest first: the first point is where it started. */
    synchronized List<Point> timeline() {
        return List.copyOf(timeline);
    }

    /** From {@code second} (since the limiter was made) on, the limit was {@code limit} (0: no bound). */
    public record Point(long second, int limit) {}

    /** The limit's minimum, median (weighted by requests) and maximum; all 0 when nothing was sent or unbounded. */
    public record Summary(int min, int median, int max) {
        public static final Summary NONE = new Summary(0, 0, 0);

        @Override
        public String toString() {
            return min + "/" + median + "/" + max;
        }
    }
}
