package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspection commands on files that are not vaults: a clear line, exit 2, and nothing created or changed. */
class InspectCliTest {
    @TempDir
    Path dir;

    private InspectHarness.Result run(Path db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return InspectHarness.cli(null, dir, all);
    }

    @Test
    void aMissingVaultIsNeverCreated() {
        Path db = dir.resolve("none.db");
        for (String[] args : new String[][] {{"verify"}, {"list", "dashboards"}, {"show", "looks", "1"}, {"runs"},
                {"history", "looks", "1"}, {"diff"}}) {
            InspectHarness.Result r = run(db, args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("no vault at").doesNotContain("Exception");
        }
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void aTextFileIsNotAVault() throws Exception {
        Path db = dir.resolve("notes.txt");
        Files.writeString(db, "hello, this is a shopping list and not a database of any kind ".repeat(20));
        InspectHarness.Result r = run(db, "list", "dashboards");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not a LookerVault vault").contains("not an SQLite database");
    }

    @Test
    void anotherSqliteDatabaseIsNotAVaultAndIsNotMigrated() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes(x TEXT)");
        }
        byte[] before = Files.readAllBytes(db);
        InspectHarness.Result r = run(db, "verify");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is an SQLite database but not a LookerVault vault");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void unknownTypesAndBadArgumentsAreUsageErrors() {
        InspectHarness.Result r = run(dir.resolve("x.db"), "list", "widgets");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown content type 'widgets'");
        assertThat(run(dir.resolve("x.db"), "show", "looks", "1", "--run", "1", "--as-of", "2026-01-01").code())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyInspectionCommandHasHelpWithExamples() {
        for (String cmd : new String[] {"verify", "list", "show", "runs", "history", "diff"}) {
            InspectHarness.Result r = InspectHarness.cli(null, dir, cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(cmd).contains("Examples:").contains("lookervault " + cmd);
        }
    }
}
