package io.lookervault.vault;

import java.util.List;

/**
 * How the in-flight limit moved during one segment of a run (a resumed run has one per segment).
 *
 * @param segment  1 for the run's first segment, 2 for its first resume, ...
 * @param mode     {@code auto} (discovered), {@code fixed} (the workers or a set cap) or {@code none} (no bound)
 * @param min      the lowest limit a request was sent under (0: no bound)
 * @param median   the limit the median request was sent under
 * @param max      the highest
 * @param timeline the limit over the segment: from each point's second on (since the client was made), its limit
 */
public record RunLimits(int segment, String mode, int min, int median, int max, List<Point> timeline) {
    public RunLimits {
        timeline = List.copyOf(timeline);
    }

    /** From {@code second} on, the limit was {@code limit}. */
    public record Point(long second, int limit) {}
}
