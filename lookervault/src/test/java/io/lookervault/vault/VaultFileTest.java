package io.lookervault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.job.RunMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault file itself: odd names, files that are not vaults, and every name of one file sharing one lock. */
class VaultFileTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aPathWithQueryCharactersIsOpenedAsNamedAndStaysOwnerOnlyWithItsWalAndShm() throws Exception {
        Path db = dir.resolve("nightly?mode=memory&cache=shared #1 %41.db");
        try (Vault v = Vault.open(db)) {
            v.startRun("https://x", RunMode.FULL, "{}", "2026-01-01T00:00:00Z");
            assertThat(db).exists();
            assertThat(mode(db)).isEqualTo("rw-------");
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = db.resolveSibling(db.getFileName() + suffix);
                assertThat(side).exists();
                assertThat(mode(side)).as(suffix).isEqualTo("rw-------");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no file under a truncated name")
                    .allMatch(n -> n.startsWith("nightly?mode=memory&cache=shared #1 %41.db"));
        }
        try (Vault again = Vault.open(db)) {
            assertThat(again.runs()).hasSize(1);
        }
        try (VaultReader r = VaultReader.open(db)) {
            assertThat(r.runs()).hasSize(1);
        }
    }

    @Test
    void aTextFileIsRefusedUntouched() throws Exception {
        Path db = dir.resolve("notes.txt");
        Files.writeString(db, "my shopping list, not a vault\n".repeat(100));
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> Vault.open(db)).isInstanceOf(VaultUnreadableException.class)
                .hasMessageContaining("not an SQLite database");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void anotherProgramsSqliteDatabaseIsNotMigratedIntoAVault() throws Exception {
        Path db = dir.resolve("app.sqlite");
        try (Connection c = DriverManager.getConnection(SqliteFiles.url(db)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
        }
        assertThatThrownBy(() -> Vault.open(db)).isInstanceOf(VaultUnreadableException.class)
                .hasMessageContaining("not a LookerVault vault");
        try (Connection c = DriverManager.getConnection(SqliteFiles.url(db)); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table'")) {
            assertThat(rs.getInt(1)).as("no vault tables added").isEqualTo(1);
        }
    }

    @Test
    void aVaultOfANewerSchemaIsRefused() throws Exception {
        Path db = dir.resolve("future.db");
        Vault.open(db).close();
        try (Connection c = DriverManager.getConnection(SqliteFiles.url(db)); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version(version) VALUES (" + (Schema.MIGRATIONS.size() + 1) + ")");
        }
        assertThatThrownBy(() -> Vault.open(db)).isInstanceOf(VaultUnreadableException.class)
                .hasMessageContaining("newer than this LookerVault");
    }

    @Test
    void aSymlinkToTheVaultSharesItsLock() throws Exception {
        Path db = dir.resolve("looker.db");
        Vault.open(db).close();
        Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("elsewhere/link.db"), db);
        Path linkedDir = Files.createSymbolicLink(dir.resolve("dirlink"), dir);
        try (VaultLock held = VaultLock.acquire(db, "extract", Clock.systemUTC())) {
            assertThatThrownBy(() -> VaultLock.acquire(link, "demo", Clock.systemUTC()))
                    .isInstanceOf(VaultBusyException.class);
            assertThatThrownBy(() -> VaultLock.acquire(linkedDir.resolve("looker.db"), "demo", Clock.systemUTC()))
                    .isInstanceOf(VaultBusyException.class);
        }
        assertThat(dir.resolve("elsewhere/link.db.lock")).doesNotExist();
    }

    @Test
    void aVaultWithASecondHardLinkIsRefusedByTheLock() throws Exception {
        Path db = dir.resolve("looker.db");
        Vault.open(db).close();
        Files.createLink(dir.resolve("copy.db"), db);
        assertThatThrownBy(() -> VaultLock.acquire(db, "extract", Clock.systemUTC()))
                .isInstanceOf(VaultException.class).hasMessageContaining("2 hard links");
    }
}
