package io.lookervault.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The one place that opens a connection to a vault file, so every connection gets the same pragmas: the
 * vault itself, its writer, the restore tables and the read-only inspection reader.
 */
final class SqliteFiles {
    /** Generous, so that {@code database is locked} never reaches a user while another connection writes. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private SqliteFiles() {}

    /** A read-write connection in WAL mode (the file must exist or be creatable). */
    static Connection openWritable(Path path) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // WAL + NORMAL: a commit survives a process kill; no fsync per transaction
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return DriverManager.getConnection(url(path), cfg.toProperties());
    }

    /** A connection that can neither create, migrate nor write the file: looking into a backup cannot change it. */
    static Connection openReadOnly(Path path) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.READONLY);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        return DriverManager.getConnection(url(path), cfg.toProperties());
    }

    private static String url(Path path) {
        return "jdbc:sqlite:" + path.toAbsolutePath();
    }
}
