package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of("LOOKERSDK_BASE_URL", "http://127.0.0.1:9", "LOOKERSDK_CLIENT_ID", "id",
                "LOOKERSDK_CLIENT_SECRET", "not-a-real-secret");
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, new Shutdown());
        return Main.run(args, ctx);
    }

    @Test
    void restoreWithoutASubcommandIsAUsageError() {
        assertThat(run("restore")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("single").contains("bulk");
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
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no finished extraction run");
    }

    @Test
    void statusAndDlqOfAFreshVaultAreEmpty() {
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "status")).isZero();
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "dlq", "list")).isZero();
        assertThat(run("--db", dir.resolve("v.db").toString(), "restore", "dlq", "clear")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 open dead letter").contains("0 dead letter(s) cleared");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("restore", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--dry-run").contains("Examples");
        assertThat(run("restore", "bulk", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--folder-ids");
    }
}
