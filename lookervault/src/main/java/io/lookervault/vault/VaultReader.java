package io.lookervault.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to a vault for the inspection commands. Opening never creates, migrates or writes the file
 * (the connection is opened read-only), so looking into a backup cannot change it. Not thread-safe: one
 * command uses one reader.
 */
public final class VaultReader implements AutoCloseable {
    private static final String AS_OF = " v.from_run<=? AND (v.to_run IS NULL OR v.to_run>?)";

    private final Path path;
    private final Connection c;

    private VaultReader(Path path, Connection c) {
        this.path = path;
        this.c = c;
    }

    /**
     * Opens the vault at {@code path} read-only.
     *
     * @throws VaultUnreadableException when the file does not exist, is not an SQLite database, is damaged
     *                                  beyond reading its schema, or is not a LookerVault vault
     */
    public static VaultReader open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new VaultUnreadableException("no vault at " + path.toAbsolutePath()
                    + " (run 'lookervault extract' first, or pass --db PATH)");
        }
        Connection conn = null;
        try {
            conn = SqliteFiles.openReadOnly(path);
            checkIsVault(conn, path);
            return new VaultReader(path, conn);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(conn);
            if (e instanceof VaultUnreadableException u) {
                throw u;
            }
            throw new VaultUnreadableException(path.toAbsolutePath() + describe(e), e);
        }
    }

    /** Whether the database has any table (an empty SQLite file may become a vault). */
    static boolean hasTables(Connection conn) throws SQLException {
        return single(conn, "SELECT count(*) FROM sqlite_master WHERE type='table'") > 0;
    }

    static void checkIsVault(Connection conn, Path path) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String t : List.of("schema_version", "runs", "blobs", "versions", "items")) {
            if (!tables.contains(t)) {
                throw new VaultUnreadableException(path.toAbsolutePath() + " is an SQLite database but not a"
                        + " LookerVault vault (no '" + t + "' table)");
            }
        }
        int version = single(conn, "SELECT coalesce(max(version), 0) FROM schema_version");
        if (version > Schema.MIGRATIONS.size()) {
            throw new VaultUnreadableException(path.toAbsolutePath() + " has vault schema version " + version
                    + ", newer than this LookerVault understands (" + Schema.MIGRATIONS.size() + "); upgrade LookerVault");
        }
    }

    private static int single(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static String describe(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_NOTADB")) {
            return " is not a LookerVault vault: it is not an SQLite database (or its header is damaged)";
        }
        if (m.contains("SQLITE_CORRUPT")) {
            return " is damaged beyond reading its schema (" + Sql.sqliteMessage(e) + ")";
        }
        return " cannot be read as a vault: " + Sql.sqliteMessage(e);
    }

    private static void closeQuietly(Connection conn) {
        try {
            if (conn != null) {
                conn.close();
            }
        } catch (SQLException ignored) {
            // the open already failed; that failure is the one to report
        }
    }

    public Path path() {
        return path;
    }

    Connection connection() {
        return c;
    }

    public int schemaVersion() {
        return call(() -> single(c, "SELECT coalesce(max(version), 0) FROM schema_version"));
    }

    /** Every run, oldest first. */
    public List<RunRecord> runs() {
        return call(() -> new RunStore(c).all());
    }

    /** How the in-flight limit moved in each segment of the run (empty for runs before migration 4). */
    public List<RunLimits> limits(long runId) {
        return call(() -> new RunLimitStore(c).of(runId));
    }

    public Optional<RunRecord> run(long runId) {
        return call(() -> new RunStore(c).find(runId));
    }

    /** The newest run, if any. */
    public Optional<RunRecord> lastRun() {
        List<RunRecord> all = runs();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The newest run that started at or before {@code isoInstant} (a UTC ISO-8601 string). */
    public Optional<Long> runAt(String isoInstant) {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(run_id) FROM runs WHERE started_at<=?")) {
                ps.setString(1, isoInstant);
                try (ResultSet rs = ps.executeQuery()) {
                    long id = rs.next() ? rs.getLong(1) : 0;
                    return id > 0 ? Optional.of(id) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Items of one type matching {@code q}, ordered by id (numerically where ids are numbers). */
    public List<StoredItem> items(ItemQuery q) {
        List<Object> params = new ArrayList<>();
        String where = ItemSql.where(q, params);
        // pick the page's ids first, then read the documents of that page only: the sort would otherwise carry
        // the JSON-derived columns of every item of the type
        String order = " ORDER BY CAST(i.id AS INTEGER), i.id";
        String sql = "SELECT " + ItemSql.COLUMNS + " FROM (SELECT i.id AS page_id FROM items i JOIN blobs b"
                + " ON b.hash=i.hash WHERE " + where + order + " LIMIT ? OFFSET ?) p JOIN items i ON i.type=?"
                + " AND i.id=p.page_id JOIN blobs b ON b.hash=i.hash" + order;
        params.add(q.limit());
        params.add(q.offset());
        params.add(q.type());
        return call(() -> {
            List<StoredItem> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ItemSql.item(rs));
                }
            }
            return out;
        });
    }

    /** How many items match {@code q}, ignoring its limit and offset. */
    public long count(ItemQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM items i JOIN blobs b ON b.hash=i.hash WHERE " + ItemSql.where(q, params);
        return call(() -> {
            try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** One item's current state (its last version if deleted). */
    public Optional<StoredItem> item(String type, String id) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT " + ItemSql.COLUMNS + " FROM items i JOIN blobs b"
                    + " ON b.hash=i.hash WHERE i.type=? AND i.id=?", List.of(type, id)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ItemSql.item(rs)) : Optional.<StoredItem>empty();
            }
        });
    }


    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        return Sql.prepare(c, sql, params);
    }

    /** Every folder the vault knows (current or last version): id → {name, parent_id}. */
    public Map<String, String[]> folders() {
        return call(() -> {
            Map<String, String[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, json_extract(b.json,'$.name'),"
                    + " json_extract(b.json,'$.parent_id') FROM items i JOIN blobs b ON b.hash=i.hash"
                    + " WHERE i.type='folders'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            return out;
        });
    }

    /** Ids of stored users whose email is {@code email} (case-insensitive). */
    public List<String> userIdsByEmail(String email) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT i.id FROM items i JOIN blobs b ON b.hash=i.hash"
                    + " WHERE i.type='users' AND lower(json_extract(b.json,'$.email'))=lower(?)", List.of(email))) {
                return Sql.strings(ps);
            }
        });
    }

    /** All versions of one item, oldest first, with their documents. */
    public List<StoredVersion> versions(String type, String id) {
        return call(() -> {
            List<StoredVersion> out = new ArrayList<>();
            try (PreparedStatement ps = prepare("SELECT v.hash, v.from_run, coalesce(v.to_run, 0), r.started_at,"
                    + " b.json FROM versions v LEFT JOIN blobs b ON b.hash=v.hash LEFT JOIN runs r ON"
                    + " r.run_id=v.from_run WHERE v.type=? AND v.id=? ORDER BY v.from_run", List.of(type, id));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVersion(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** The version of an item present as of run {@code run}, if it existed then. */
    public Optional<StoredVersion> versionAsOf(String type, String id, long run) {
        return versions(type, id).stream()
                .filter(v -> v.fromRun() <= run && (v.toRun() == 0 || v.toRun() > run)).findFirst();
    }

    /** Items per type: present now (not gone from Looker) and gone. Ordered by type. */
    public Map<String, long[]> itemCounts() {
        return call(() -> {
            Map<String, long[]> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT type, sum(deleted_run IS NULL),"
                    + " sum(deleted_run IS NOT NULL) FROM items GROUP BY type ORDER BY type");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            return out;
        });
    }

    /**
     * Items of {@code type} whose content differs between run {@code a} and run {@code b}: id → {hash as of a,
     * hash as of b, title} with null hashes where the item was absent. Only items with a version boundary
     * between the two runs are examined, so the cost follows the change, not the vault.
     */
    public Map<String, String[]> changes(String type, long a, long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        String asOf = "(SELECT v.hash FROM versions v WHERE v.type=c.type AND v.id=c.id AND" + AS_OF + ")";
        String sql = "SELECT c.id, " + asOf + ", " + asOf + " FROM (SELECT DISTINCT type, id FROM versions WHERE"
                + " type=? AND ((from_run>? AND from_run<=?) OR (to_run>? AND to_run<=?))) c"
                + " ORDER BY CAST(c.id AS INTEGER), c.id";
        return call(() -> {
            Map<String, String[]> out = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(sql, List.of(a, a, b, b, type, lo, hi, lo, hi));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ha = rs.getString(2);
                    String hb = rs.getString(3);
                    if (ha == null ? hb != null : !ha.equals(hb)) {
                        out.put(rs.getString(1), new String[] {ha, hb, null});
                    }
                }
            }
            for (Map.Entry<String, String[]> e : out.entrySet()) {
                String[] v = e.getValue();
                v[2] = title(v[1] != null ? v[1] : v[0]);
            }
            return out;
        });
    }

    /** The title/name of a stored document, or null. */
    public String title(String hash) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT " + ItemSql.TITLE + " FROM blobs b WHERE b.hash=?", List.of(hash))) {
                return Sql.strings(ps).stream().findFirst().orElse(null);
            }
        });
    }

    /** Ids of the items of {@code type} present at the source as of the vault's last look (not gone). */
    public List<String> presentIds(String type) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT id FROM items WHERE type=? AND deleted_run IS NULL",
                    List.of(type))) {
                return Sql.strings(ps);
            }
        });
    }

    /** A stored document by its hash. */
    public Optional<String> document(String hash) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT json FROM blobs WHERE hash=?", List.of(hash))) {
                return Sql.strings(ps).stream().findFirst();
            }
        });
    }

    /**
     * Hands each item of {@code type} present as of run {@code run} to {@code each} as (id, stored document as
     * UTF-8 bytes: a parser reads them faster than a Java string), one row at a time, so that a whole instance
     * never has to fit in memory.
     */
    public void forEachDocument(String type, long run, java.util.function.BiConsumer<String, byte[]> each) {
        call(() -> {
            try (PreparedStatement ps = prepare("SELECT v.id, b.json FROM versions v JOIN blobs b ON b.hash=v.hash"
                    + " WHERE v.type=? AND" + AS_OF + " ORDER BY v.id", List.of(type, run, run));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs.getString(1), rs.getBytes(2));
                }
            }
            return null;
        });
    }

    /**
     * Ids of {@code type} whose version as of run {@code run} is the very version they had as of run
     * {@code earlier} (same document, unchanged in between).
     */
    public java.util.Set<String> sameVersionAsOf(String type, long run, long earlier) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT v.id FROM versions v WHERE v.type=? AND" + AS_OF
                    + " AND v.from_run<=? AND (v.to_run IS NULL OR v.to_run>?)", List.of(type, run, run, earlier, earlier))) {
                return new java.util.HashSet<>(Sql.strings(ps));
            }
        });
    }

    /** The stored document of one item as of run {@code run}, if it existed then. */
    public Optional<String> documentAsOf(String type, String id, long run) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT b.json FROM versions v JOIN blobs b ON b.hash=v.hash"
                    + " WHERE v.type=? AND v.id=? AND" + AS_OF, List.of(type, id, run, run))) {
                return Sql.strings(ps).stream().findFirst();
            }
        });
    }

    /**
     * Some top-level fields of every item of {@code type} present as of run {@code run}: id → the values of
     * {@code fields} as text (null where absent), read by SQLite without handing the documents over.
     */
    public Map<String, String[]> fieldsAsOf(String type, long run, List<String> fields) {
        StringBuilder cols = new StringBuilder("v.id");
        for (String f : fields) {
            cols.append(", json_extract(b.json, '$.").append(f.replaceAll("[^a-z_.]", "")).append("')");
        }
        return call(() -> {
            Map<String, String[]> out = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare("SELECT " + cols + " FROM versions v JOIN blobs b ON b.hash=v.hash"
                    + " WHERE v.type=? AND" + AS_OF, List.of(type, run, run)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] values = new String[fields.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 2);
                    }
                    out.put(rs.getString(1), values);
                }
            }
            return out;
        });
    }

    /** Dashboard element id → its dashboard's id, for the dashboards present as of run {@code run}. */
    public Map<String, String> elementDashboards(long run) {
        return call(() -> {
            try (PreparedStatement ps = prepare("SELECT CAST(json_extract(e.value, '$.id') AS TEXT), v.id FROM versions v"
                    + " JOIN blobs b ON b.hash=v.hash, json_each(b.json, '$.dashboard_elements') e"
                    + " WHERE v.type='dashboards' AND" + AS_OF, List.of(run, run))) {
                return Sql.pairs(ps);
            }
        });
    }

    /** Types that appear in the vault at all. */
    public List<String> types() {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT type FROM items ORDER BY type")) {
                return Sql.strings(ps);
            }
        });
    }

    @Override
    public void close() {
        closeQuietly(c);
    }

    private static <T> T call(Sql.Call<T> body) {
        return Sql.read(body);
    }
}
