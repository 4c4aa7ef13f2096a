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
    void readOnlyCommandsNeitherCreateNorTouchAFileThatIsNoVault() throws Exception {
        String missing = dir.resolve("missing.db").toString();
        assertThat(run("--db", missing, "restore", "status")).isEqualTo(2);
        assertThat(last.err()).contains("no vault at");
        assertThat(run("--db", missing, "restore", "dlq", "list")).isEqualTo(2);
        assertThat(run("--db", missing, "restore", "dlq", "show", "1")).isEqualTo(2);
        assertThat(dir.resolve("missing.db")).doesNotExist();
        java.nio.file.Path text = dir.resolve("notes.txt");
        java.nio.file.Files.writeString(text, "not a vault\n".repeat(200));
        for (String[] cmd : new String[][] {{"restore", "status"}, {"restore", "dlq", "list"},
                {"restore", "dlq", "clear"}, {"extract"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--db", text.toString()),
                    java.util.Arrays.stream(cmd)).toArray(String[]::new);
            assertThat(run(args)).as(String.join(" ", cmd)).isEqualTo(2);
            assertThat(last.err()).as(String.join(" ", cmd)).contains("not a LookerVault vault");
        }
        assertThat(java.nio.file.Files.readString(text)).isEqualTo("not a vault\n".repeat(200));
    }

    @Test
    void statusAndDlqOfAFreshVaultAreEmpty() {
        io.lookervault.vault.Vault.open(dir.resolve("v.db")).close();
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
