package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    /** A snapshot every 6 hours for 40 days, ids in time order. */
    private static List<Manifest> everySixHours() {
        List<Manifest> out = new ArrayList<>();
        Instant t = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 160; i++) {
            Instant at = t.plusSeconds(i * 6 * 3600L);
            out.add(new Manifest(String.format("s%03d", i), at.toString(), "test", 1, 1, "completed", 0, 0, 0,
                    "tables/x", "", 0, 0, List.of(), 1, null, null, null));
        }
        return out;
    }

    @Test
    void keepLastKeepsTheNewest() {
        assertThat(new Retention(3, 0, 0, 0).keep(everySixHours())).containsExactly("s159", "s158", "s157");
    }

    @Test
    void keepDailyKeepsTheNewestOfEachDay() {
        // s159 is 2026-11-09T18:00; each earlier day's newest is its 18:00 snapshot
        assertThat(new Retention(0, 3, 0, 0).keep(everySixHours())).containsExactly("s159", "s155", "s151");
    }

    @Test
    void rulesAddUpAndAnOverlapIsKeptOnce() {
        var kept = new Retention(1, 2, 2, 2).keep(everySixHours());
        // last and the first daily/weekly/monthly are all s159; the second day s155; weeks end on Sundays
        assertThat(kept).contains("s159", "s155").hasSizeLessThanOrEqualTo(7);
        assertThat(kept).contains("s123"); // 2026-10-31T18:00, the newest of October
    }

    @Test
    void noRuleIsRefused() {
        assertThatThrownBy(() -> new Retention(0, 0, 0, 0)).isInstanceOf(SnapshotException.Refused.class);
    }
}
