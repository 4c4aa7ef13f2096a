package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {
    @TempDir
    Path dir;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.run(dir, CliRun.UNREACHABLE_LOOKER, args);
        return last.exitCode();
    }

    @Test
    void restoreWithoutASubcommandIsAUsageError() {
        assertThat(run("restore")).isEqualTo(2);
        assertThat(last.err()).contains("single").contains("bulk");
    }

    @Test
    void runAndAsOfExcludeEachOther() {
        assertThat(run("restore", "single", "dashboards", "1", "--run", "1", "--as-of", "2026-01-01")).isEqualTo(2);
    }

    @Test
    void bulkRejectsUnknownTypesWorkersOutOfRangeAndRecursiveAlone() {
        assertThat(run("restore", "bulk", "dashbords")).isEqualTo(2);
        assertThat(run("restore", "bulk", "--workers", "0")).isEqualTo(2);
        assertThat(run("restore", "bulk", "--recursive")).isEqualTo(2);
    }

    @Test
    void anEmptyVaultHasNothingToRestore() {
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "single", "dashboards", "1")).isEqualTo(2);
        assertThat(last.err()).contains("no finished extraction run");
    }

    @Test
    void statusAndDlqOfAFreshVaultAreEmpty() {
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "status")).isZero();
        assertThat(last.out()).contains("0 open dead letter");
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "dlq", "list")).isZero();
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "dlq", "clear")).isZero();
        assertThat(last.out()).contains("0 dead letter(s) cleared");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("restore", "--help")).isZero();
        assertThat(last.out()).contains("--dry-run").contains("Examples");
        assertThat(run("restore", "bulk", "--help")).isZero();
        assertThat(last.out()).contains("--folder-ids");
    }
}
