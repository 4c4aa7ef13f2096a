package io.lookervault.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The SQL side of off-site snapshots' table streams (the snapshot package turns them into chunks): every table
 * of a vault copy but the documents, row by row in a chosen order, and a new file rebuilt from its schema and
 * rows. Generic over the schema, so a migration needs nothing here.
 */
public final class VaultTables {
    public static final String DOCUMENTS = "blobs";

    /** Receives one table's rows: the row columns' values, then the set-apart columns' values. */
    public interface TableVisitor {
        void table(String name, List<String> rowColumns, List<String> apartColumns);

        void row(Object[] values);
    }

    /** One table to rebuild: its columns and a source that hands each row's values to the consumer. */
    public record TableRows(String name, List<String> columns, Consumer<Consumer<Object[]>> rows) {}

    private VaultTables() {}

    /** The vault's CREATE statements (tables, indexes, triggers, views) in the vault's order. */
    public static List<String> schema(Path db) {
        return Sql.read(() -> {
            try (Connection c = open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /**
     * Every table but the documents, each in {@code order.get(name)} when all those columns exist (else its
     * primary key, else rowid), with the columns of {@code apart.get(name)} last.
     */
    public static void read(Path db, Map<String, List<String>> order, Map<String, Set<String>> apart, TableVisitor v) {
        Sql.read(() -> {
            try (Connection c = open(db)) {
                for (String t : tableNames(c)) {
                    if (!t.equals(DOCUMENTS)) {
                        table(c, t, order.get(t), apart.getOrDefault(t, Set.of()), v);
                    }
                }
            }
            return null;
        });
    }

    private static void table(Connection c, String name, List<String> wanted, Set<String> apart, TableVisitor v)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
        }
        List<String> apartCols = columns.stream().filter(apart::contains).toList();
        List<String> rowCols = columns.stream().filter(col -> !apartCols.contains(col)).toList();
        List<String> order = wanted != null && columns.containsAll(wanted) ? wanted
                : pk.isEmpty() ? List.of("rowid") : List.copyOf(pk.values());
        List<String> all = new ArrayList<>(rowCols);
        all.addAll(apartCols);
        v.table(name, rowCols, apartCols);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + list(all) + " FROM "
                + quote(name) + " ORDER BY " + list(order))) {
            while (rs.next()) {
                Object[] row = new Object[all.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                v.row(row);
            }
        }
    }

    /** Document hashes, those first kept by an earlier run first (a new run's documents come last). */
    public static void documentHashes(Path db, Consumer<String> each) {
        Sql.read(() -> {
            try (Connection c = open(db); Statement s = c.createStatement()) {
                boolean versions = tableNames(c).contains("versions");
                String sql = versions ? "SELECT b.hash FROM blobs b LEFT JOIN (SELECT hash, min(from_run) AS r FROM"
                        + " versions GROUP BY hash) v ON v.hash = b.hash ORDER BY coalesce(v.r, 9223372036854775807),"
                        + " b.hash" : "SELECT hash FROM blobs ORDER BY hash";
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        each.accept(rs.getString(1));
                    }
                }
            }
            return null;
        });
    }

    /**
     * A connection for building a new file that nothing else opens until it is complete, proven and renamed into
     * place (a snapshot pull): no fsync, the rollback journal in memory, one exclusive lock, a big page cache.
     * A crash leaves only that hidden file, which is deleted and rebuilt, so none of the vault's durability
     * settings are needed while it is built; the caller forces it to disk before the rename.
     */
    static Connection openBulk(Path db) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        cfg.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setCacheSize(-BULK_CACHE_KIB);
        return DriverManager.getConnection(SqliteFiles.url(db), cfg.toProperties());
    }

    /** Page cache of a bulk load (native memory, not heap): holds the documents' hash index of a big vault. */
    private static final int BULK_CACHE_KIB = 256 << 10;

    /**
     * Creates {@code schema}'s tables in the new file {@code db}, fills them, then its indexes; one transaction,
     * bulk-load settings ({@link #openBulk}).
     */
    public static void write(Path db, List<String> schema, List<TableRows> tables) {
        Sql.call(() -> {
            try (Connection c = openBulk(db); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (String sql : schema) {
                    if (isTable(sql)) {
                        s.execute(sql);
                    }
                }
                for (TableRows t : tables) {
                    insert(c, t);
                }
                for (String sql : schema) {
                    if (!isTable(sql)) {
                        s.execute(sql);
                    }
                }
                c.commit();
            }
            return null;
        });
    }

    private static void insert(Connection c, TableRows t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(t.name()) + "(" + list(t.columns())
                + ") VALUES(" + String.join(", ", Collections.nCopies(t.columns().size(), "?")) + ")")) {
            t.rows().accept(values -> {
                try {
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw new VaultException("cannot rebuild table " + t.name() + ": " + e.getMessage(), e);
                }
            });
        }
    }

    private static boolean isTable(String sql) {
        return sql.stripLeading().toUpperCase(Locale.ROOT).matches("(?s)CREATE\\s+(VIRTUAL\\s+)?TABLE.*");
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE"
                + " type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Connection open(Path db) throws SQLException {
        return SqliteFiles.openReadOnly(db);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String list(List<String> names) {
        return String.join(", ", names.stream().map(n -> n.equals("rowid") ? n : quote(n)).toList());
    }
}
