package io.lookervault.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whole-file copies of a vault for off-site snapshots: a consistent copy taken in one read transaction
 * ({@code VACUUM INTO}, so a running extract cannot tear it and the vault is never written), and the two
 * halves a snapshot stores apart: the documents (table {@code blobs}, keyed by SHA-256) and everything else.
 */
public final class VaultCopy {
    /** What a snapshot's manifest says about the vault it was taken from. */
    public record Facts(long runs, long lastRun, String lastStatus, long items, long documents) {}

    /** One stored document as it leaves or enters the vault. */
    @FunctionalInterface
    public interface DocumentSink {
        void accept(String hash, byte[] json);
    }

    private VaultCopy() {}

    /** Writes a consistent, compact copy of the vault at {@code vault} to the new file {@code dest}. */
    public static void copy(Path vault, Path dest) {
        Sql.read(() -> {
            try (Connection c = SqliteFiles.openReadOnly(vault); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, dest.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /** Runs, last run and counts of a vault file (read-only). */
    public static Facts facts(Path db) {
        return Sql.read(() -> {
            try (Connection c = SqliteFiles.openReadOnly(db); Statement s = c.createStatement()) {
                long runs = one(s, "SELECT count(*) FROM runs");
                long last = one(s, "SELECT coalesce(max(run_id), 0) FROM runs");
                String status = "";
                try (ResultSet rs = s.executeQuery("SELECT status FROM runs ORDER BY run_id DESC LIMIT 1")) {
                    status = rs.next() ? rs.getString(1) : "";
                }
                return new Facts(runs, last, status, one(s, "SELECT count(*) FROM items"),
                        one(s, "SELECT count(*) FROM blobs"));
            }
        });
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Every stored document of the file, in hash order (so packs fill the same way each time). */
    public static void forEachDocument(Path db, DocumentSink each) {
        Sql.read(() -> {
            try (Connection c = SqliteFiles.openReadOnly(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT hash, json FROM blobs ORDER BY hash")) {
                while (rs.next()) {
                    // the stored UTF-8 as it is: no decode into a String and encode back (two passes over every byte)
                    each.accept(rs.getString(1), rs.getBytes(2));
                }
            }
            return null;
        });
    }

    /** Empties the documents table of a copy and compacts it into one self-contained file (no WAL). */
    public static void stripDocuments(Path copy) {
        Sql.call(() -> {
            try (Connection c = SqliteFiles.openWritable(copy); Statement s = c.createStatement()) {
                s.execute("DELETE FROM blobs");
                s.execute("PRAGMA journal_mode=DELETE");
                s.execute("VACUUM");
            }
            return null;
        });
    }

    /** One document on its way into a rebuilt vault: {@code len} bytes of UTF-8 at {@code off} of {@code buf}. */
    @FunctionalInterface
    public interface TextSink {
        void accept(String hash, byte[] buf, int off, int len);
    }

    /**
     * Puts documents into a new, hidden file that {@link VaultTables#write} made (bulk-load settings, see there);
     * all of them commit at once, when {@code fill} returns; the file is then in WAL mode like any vault.
     */
    public static void fill(Path copy, java.util.function.Consumer<TextSink> fill) {
        Sql.call(() -> {
            // the bytes go in as they are (CAST: text without a round trip through a Java String), so the stored
            // text is byte for byte what the caller hashed
            try (Connection c = VaultTables.openBulk(copy); PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO blobs(hash, json) VALUES(?, CAST(? AS TEXT))")) {
                Sql.inTransaction(c, () -> {
                    fill.accept((hash, buf, off, len) -> insert(ps, hash, off == 0 && len == buf.length ? buf
                            : java.util.Arrays.copyOfRange(buf, off, off + len)));
                    return null;
                });
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA locking_mode=NORMAL");
                    s.execute("PRAGMA journal_mode=WAL");
                }
            }
            return null;
        });
    }

    private static void insert(PreparedStatement ps, String hash, byte[] json) {
        try {
            ps.setString(1, hash);
            ps.setBytes(2, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new VaultException("cannot write document " + hash + ": " + e.getMessage(), e);
        }
    }
}
