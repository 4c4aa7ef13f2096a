package io.lookervault.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The vault's tables other than the documents, as row streams (format 2 snapshots) and back. Generic over the
 * schema (whatever tables and columns the vault has, its CREATE statements travel with the snapshot), with two
 * choices that make a nightly push small: {@code versions} in run order (a run's new versions are appended,
 * old chunks stay as they were) and the columns rewritten on most rows each run kept apart, run-length
 * encoded.
 */
final class TableImages {
    static final String DOCUMENTS = "blobs";
    /** Row order per table where the primary key would scatter each run's new rows. */
    private static final Map<String, List<String>> ORDER = Map.of("versions", List.of("from_run", "type", "id"));
    /** Columns that a run rewrites on many rows (every item seen gets the run's id; superseded versions end). */
    private static final Map<String, Set<String>> RUN_COLUMNS = Map.of("items", Set.of("last_seen_run"),
            "versions", Set.of("to_run"));

    /** The tables, their schema and the document list of one vault file. */
    record Image(List<String> schema, List<Manifest.Table> tables, Manifest.Stream docs) {}

    private TableImages() {}

    /** Streams every table of {@code db} but the documents into {@code sink}. */
    static Image write(Path db, Chunker.Sink sink) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            List<Manifest.Table> tables = new ArrayList<>();
            for (String t : tableNames(c)) {
                if (!t.equals(DOCUMENTS)) {
                    tables.add(table(c, t, sink));
                }
            }
            return new Image(schema(c), tables, docs(c, sink));
        } catch (SQLException e) {
            throw new SnapshotException("cannot read the vault copy: " + e.getMessage(), e);
        }
    }

    private static List<String> schema(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE"
                + " sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
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

    private static Manifest.Table table(Connection c, String name, Chunker.Sink sink) throws SQLException {
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
        List<String> runCols = columns.stream().filter(RUN_COLUMNS.getOrDefault(name, Set.of())::contains).toList();
        List<String> rowCols = columns.stream().filter(col -> !runCols.contains(col)).toList();
        List<String> order = ORDER.containsKey(name) && columns.containsAll(ORDER.get(name)) ? ORDER.get(name)
                : pk.isEmpty() ? List.of("rowid") : List.copyOf(pk.values());
        List<String> all = new ArrayList<>(rowCols);
        all.addAll(runCols);
        Chunker rows = new Chunker(sink);
        Map<String, Rle> runs = new LinkedHashMap<>();
        runCols.forEach(col -> runs.put(col, new Rle()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + list(all) + " FROM "
                + quote(name) + " ORDER BY " + list(order))) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(rowCols.size());
                for (int i = 1; i <= rowCols.size(); i++) {
                    row.add(encode(rs.getObject(i)));
                }
                rows.add(Repo.bytes(row));
                for (int i = 0; i < runCols.size(); i++) {
                    runs.get(runCols.get(i)).add(encode(rs.getObject(rowCols.size() + i + 1)));
                }
            }
        }
        Map<String, List<Object>> encoded = new LinkedHashMap<>();
        runs.forEach((col, rle) -> encoded.put(col, rle.pairs));
        return new Manifest.Table(name, rowCols, rows.finish(), encoded);
    }

    /** Document hashes, those first kept by an earlier run first: a push appends its new documents' hashes. */
    private static Manifest.Stream docs(Connection c, Chunker.Sink sink) throws SQLException {
        boolean versions = tableNames(c).contains("versions");
        String sql = versions ? "SELECT b.hash FROM blobs b LEFT JOIN (SELECT hash, min(from_run) AS r FROM versions"
                + " GROUP BY hash) v ON v.hash = b.hash ORDER BY coalesce(v.r, 9223372036854775807), b.hash"
                : "SELECT hash FROM blobs ORDER BY hash";
        Chunker docs = new Chunker(sink);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                docs.add(rs.getString(1).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return docs.finish();
    }

    /** Creates the tables of {@code m} in the new file {@code db} and fills them (the documents are left to the caller). */
    static void read(Manifest m, Path db, TreeReader reader) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : m.schema()) {
                if (isTable(sql)) {
                    s.execute(sql);
                }
            }
            for (Manifest.Table t : m.tables()) {
                fill(c, t, reader, m.id());
            }
            for (String sql : m.schema()) {
                if (!isTable(sql)) {
                    s.execute(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new SnapshotException("cannot rebuild the tables of snapshot " + m.id() + " into " + db + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isTable(String sql) {
        return sql.stripLeading().toUpperCase(java.util.Locale.ROOT).matches("(?s)CREATE\\s+(VIRTUAL\\s+)?TABLE.*");
    }

    private static void fill(Connection c, Manifest.Table t, TreeReader reader, String id) throws SQLException {
        List<String> all = new ArrayList<>(t.columns());
        all.addAll(t.runs().keySet());
        List<Iterator<Object>> runs = t.runs().values().stream().map(Rle::values).toList();
        long[] n = {0};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(t.name()) + "(" + list(all) + ") VALUES("
                + String.join(", ", java.util.Collections.nCopies(all.size(), "?")) + ")")) {
            reader.forEachLine(t.rows(), line -> {
                JsonNode row = Repo.json(line, "a row of table " + t.name() + " in snapshot " + id);
                try {
                    for (int i = 0; i < t.columns().size(); i++) {
                        ps.setObject(i + 1, decode(row.get(i)));
                    }
                    for (int i = 0; i < runs.size(); i++) {
                        if (!runs.get(i).hasNext()) {
                            throw damaged(t, id);
                        }
                        ps.setObject(t.columns().size() + i + 1, decode(runs.get(i).next()));
                    }
                    ps.executeUpdate();
                    n[0]++;
                } catch (SQLException e) {
                    throw new SnapshotException("cannot rebuild table " + t.name() + ": " + e.getMessage(), e);
                }
            });
        }
        if (n[0] != t.rows().lines() || runs.stream().anyMatch(Iterator::hasNext)) {
            throw damaged(t, id);
        }
    }

    private static SnapshotException damaged(Manifest.Table t, String id) {
        return new SnapshotException("table " + t.name() + " of snapshot " + id + " does not have the rows its manifest"
                + " says: the store is damaged");
    }

    /** SQLite values as JSON: integers and text as themselves, reals and blobs tagged (so 1.0 stays a real). */
    static Object encode(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return Map.of("r", v.toString());
        }
        if (v instanceof byte[] b) {
            return Map.of("b", Base64.getEncoder().encodeToString(b));
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }

    static Object decode(Object v) {
        if (v instanceof JsonNode n) {
            return n.isNull() ? null : n.isIntegralNumber() ? n.asLong() : n.isTextual() ? n.asText()
                    : n.has("r") ? Double.parseDouble(n.get("r").asText())
                    : Base64.getDecoder().decode(n.get("b").asText());
        }
        if (v instanceof Map<?, ?> m) {
            return m.containsKey("r") ? Double.parseDouble(m.get("r").toString())
                    : Base64.getDecoder().decode(m.get("b").toString());
        }
        return v instanceof Number num ? num.longValue() : v;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String list(List<String> names) {
        return String.join(", ", names.stream().map(nm -> nm.equals("rowid") ? nm : quote(nm)).toList());
    }

    /** A column as [value, count, value, count, ...]. */
    static final class Rle {
        final List<Object> pairs = new ArrayList<>();
        private Object last;
        private long count;

        void add(Object v) {
            if (count > 0 && java.util.Objects.equals(last, v)) {
                count++;
                pairs.set(pairs.size() - 1, count);
                return;
            }
            last = v;
            count = 1;
            pairs.add(v);
            pairs.add(1L);
        }

        static Iterator<Object> values(List<Object> pairs) {
            return new Iterator<>() {
                int at;
                long left = pairs.size() > 1 ? ((Number) pairs.get(1)).longValue() : 0;

                @Override
                public boolean hasNext() {
                    while (left == 0 && at + 2 < pairs.size()) {
                        at += 2;
                        left = ((Number) pairs.get(at + 1)).longValue();
                    }
                    return left > 0;
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    left--;
                    return pairs.get(at);
                }
            };
        }
    }
}
