package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The push and pull progress line for given counts on a fake clock: objects, bytes, rate, ETA. */
class SnapshotProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private SnapshotProgress progress(String job, boolean terminal, boolean silent) {
        return new SnapshotProgress(job, new PrintStream(out, true, StandardCharsets.UTF_8), terminal, silent,
                clock::get);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pullCountsPacksAndGivesAnEtaFromThePartLeft() {
        SnapshotProgress p = progress("pull", false, false);
        p.moved(0, 0, 40);
        clock.addAndGet(20 * SECOND);
        p.moved(10, 160_000_000, 40);
        // 10 of 40 packs in 20 s: 30 left at the same pace take 60 s
        assertThat(printed()).endsWith("pull: 10/40 objects, 160.0 MB, 8.0 MB/s, ETA 1m00s" + System.lineSeparator());
    }

    @Test
    void pushCountsDocumentsReadForTheEtaAndUploadsForBytes() {
        SnapshotProgress p = progress("push", false, false);
        p.read(1, 481_000);
        clock.addAndGet(100 * SECOND);
        p.moved(7, 50_000_000, -1);
        p.read(96_200, 481_000);
        clock.addAndGet(6 * SECOND);
        p.read(96_201, 481_000);
        // 96,201 of 481,000 read in 106 s: the rest at that pace takes ~424 s
        assertThat(printed()).endsWith("push: 7 objects, 50.0 MB, 0.5 MB/s, 96201/481000 documents read, ETA 7m04s"
                + System.lineSeparator());
    }

    @Test
    void aLogGetsOneLineEveryFewSecondsATerminalABarRedrawnInPlace() {
        SnapshotProgress log = progress("pull", false, false);
        log.moved(1, 1_000_000, 4);
        clock.addAndGet(SECOND);
        log.moved(2, 2_000_000, 4);
        assertThat(printed().lines()).hasSize(1);
        out.reset();
        SnapshotProgress tty = progress("pull", true, false);
        tty.moved(1, 1_000_000, 4);
        clock.addAndGet(SECOND);
        tty.moved(2, 2_000_000, 4);
        tty.done();
        assertThat(printed()).contains("\rpull: [============>           ] 50% 2/4 objects, 2.0 MB, 2.0 MB/s, ETA 1s")
                .endsWith(System.lineSeparator());
    }

    @Test
    void noEtaBeforeATotalIsKnownAndNothingWhenSilent() {
        SnapshotProgress p = progress("push", false, false);
        p.moved(3, 3_000_000, -1);
        assertThat(printed()).doesNotContain("ETA").contains("push: 3 objects, 3.0 MB");
        out.reset();
        SnapshotProgress quiet = progress("push", false, true);
        quiet.step("taking a consistent copy of the vault");
        quiet.read(5, 10);
        quiet.done();
        assertThat(printed()).isEmpty();
    }

    @Test
    void etaReadsAsMinutesAndHours() {
        assertThat(SnapshotProgress.eta(59)).isEqualTo("59s");
        assertThat(SnapshotProgress.eta(185)).isEqualTo("3m05s");
        assertThat(SnapshotProgress.eta(3_720)).isEqualTo("1h02m");
    }
}
