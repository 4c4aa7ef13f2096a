package io.lookervault.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgsTest {
    @Test
    void aDateIsTheStartOrTheEndOfThatDayInUtc() {
        assertThat(TimeArgs.instant("2026-03-03", false)).isEqualTo("2026-03-03T00:00:00.000000000Z");
        assertThat(TimeArgs.instant("2026-03-03", true)).isEqualTo("2026-03-03T23:59:59.999999999Z");
    }

    @Test
    void dateTimesWithAndWithoutZone() {
        assertThat(TimeArgs.instant("2026-03-03T14:00", true)).isEqualTo("2026-03-03T14:00:00.000000000Z");
        assertThat(TimeArgs.instant("2026-03-03 14:00:05", true)).isEqualTo("2026-03-03T14:00:05.000000000Z");
        assertThat(TimeArgs.instant("2026-03-03T14:00+01:00", true)).isEqualTo("2026-03-03T13:00:00.000000000Z");
    }

    @Test
    void stringOrderIsTimeOrderAgainstStoredRunTimes() {
        Instant run = Instant.parse("2026-03-03T14:00:00.123456Z");
        assertThat(run.toString().compareTo(TimeArgs.instant("2026-03-03T14:00", true))).isPositive();
        assertThat(run.toString().compareTo(TimeArgs.instant("2026-03-03T14:00:01", true))).isNegative();
        assertThat(run.toString().compareTo(TimeArgs.instant("2026-03-03", true))).isNegative();
    }

    @Test
    void nonsenseIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> TimeArgs.instant("last tuesday", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-03T14:00");
    }
}
