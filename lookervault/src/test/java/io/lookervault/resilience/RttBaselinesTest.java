package io.lookervault.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RttBaselinesTest {
    private static final long MS = 1_000_000L;

    @Test
    void eachKindIsMeasuredAgainstItsOwnFastestRoundTrip() {
        RttBaselines b = new RttBaselines();
        assertThat(b.normalise("GET /dashboards/{}", 300 * MS, true)).isEqualTo(RttBaselines.UNIT);
        assertThat(b.normalise("GET /looks/search", 20 * MS, true)).isEqualTo(RttBaselines.UNIT);
        assertThat(b.normalise("GET /dashboards/{}", 600 * MS, true)).isEqualTo(2 * RttBaselines.UNIT);
    }

    @Test
    void aLuckyEarlyAnswerStopsCountingOnceTwoWindowsHavePassed() {
        RttBaselines b = new RttBaselines();
        b.normalise("k", 10 * MS, true); // one lucky answer
        long during = 0;
        for (int i = 0; i < RttBaselines.WINDOW; i++) {
            during = b.normalise("k", 40 * MS, true);
        }
        assertThat(during).as("within the window the lucky answer is still the baseline").isEqualTo(4 * RttBaselines.UNIT);
        long after = 0;
        for (int i = 0; i < RttBaselines.WINDOW; i++) {
            after = b.normalise("k", 40 * MS, true);
        }
        assertThat(after).as("a Looker that is slower for good reads as unloaded again").isEqualTo(RttBaselines.UNIT);
    }

    @Test
    void overloadAnswersNeverBecomeTheBaseline() {
        RttBaselines b = new RttBaselines();
        b.normalise("k", 50 * MS, true);
        assertThat(b.normalise("k", 1 * MS, false)).isEqualTo(RttBaselines.UNIT);
        assertThat(b.normalise("k", 100 * MS, true)).isEqualTo(2 * RttBaselines.UNIT);
        assertThat(new RttBaselines().normalise("fresh", 7 * MS, false)).as("no baseline yet").isEqualTo(RttBaselines.UNIT);
    }
}
