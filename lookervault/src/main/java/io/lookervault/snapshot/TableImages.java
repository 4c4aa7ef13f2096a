package io.lookervault.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.vault.VaultTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The vault's tables other than the documents, as row streams (format 2 snapshots) and back. Generic over the
 * schema (whatever tables and columns the vault has, its CREATE statements travel with the snapshot), with two
 * choices that make a nightly push small: {@code versions} in run order (a run's new versions are appended,
 * old chunks stay as they were) and the columns rewritten on most rows each run kept apart, run-length
 * encoded.
 */
final class TableImages {
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
        Collector tables = new Collector(sink);
        VaultTables.read(db, ORDER, RUN_COLUMNS, tables);
        tables.end();
        Chunker docs = new Chunker(sink);
        VaultTables.documentHashes(db, h -> docs.add(h.getBytes(StandardCharsets.US_ASCII)));
        return new Image(VaultTables.schema(db), List.copyOf(tables.done), docs.finish());
    }

    /** Turns each table the vault hands over into a row stream and its run-length columns. */
    private static final class Collector implements VaultTables.TableVisitor {
        private final Chunker.Sink sink;
        private final List<Manifest.Table> done = new ArrayList<>();
        private String name;
        private List<String> rowCols;
        private Chunker rows;
        private Map<String, Rle> runs;

        Collector(Chunker.Sink sink) {
            this.sink = sink;
        }

        @Override
        public void table(String table, List<String> rowColumns, List<String> apartColumns) {
            end();
            name = table;
            rowCols = rowColumns;
            rows = new Chunker(sink);
            runs = new LinkedHashMap<>();
            apartColumns.forEach(col -> runs.put(col, new Rle()));
        }

        @Override
        public void row(Object[] values) {
            List<Object> row = new ArrayList<>(rowCols.size());
            for (int i = 0; i < rowCols.size(); i++) {
                row.add(encode(values[i]));
            }
            rows.add(Repo.bytes(row));
            int i = rowCols.size();
            for (Rle rle : runs.values()) {
                rle.add(encode(values[i++]));
            }
        }

        void end() {
            if (name != null) {
                Map<String, List<Object>> encoded = new LinkedHashMap<>();
                runs.forEach((col, rle) -> encoded.put(col, rle.pairs));
                done.add(new Manifest.Table(name, rowCols, rows.finish(), encoded));
                name = null;
            }
        }
    }

    /** Creates the tables of {@code m} in the new file {@code db} and fills them (the documents are left to the caller). */
    static void read(Manifest m, Path db, TreeReader reader) {
        List<VaultTables.TableRows> tables = new ArrayList<>();
        for (Manifest.Table t : m.tables()) {
            List<String> all = new ArrayList<>(t.columns());
            all.addAll(t.runs().keySet());
            tables.add(new VaultTables.TableRows(t.name(), all, each -> rows(t, reader, m.id(), each)));
        }
        try {
            VaultTables.write(db, m.schema(), tables);
        } catch (io.lookervault.vault.VaultException e) {
            throw new SnapshotException("cannot rebuild the tables of snapshot " + m.id() + " into " + db + ": "
                    + e.getMessage(), e);
        }
    }

    /** Hands each row of {@code t} (its own columns, then the run-length ones) to {@code each}, counts checked. */
    private static void rows(Manifest.Table t, TreeReader reader, String id, Consumer<Object[]> each) {
        List<Iterator<Object>> runs = t.runs().values().stream().map(Rle::values).toList();
        int width = t.columns().size();
        long[] n = {0};
        reader.forEachLine(t.rows(), line -> {
            JsonNode row = Repo.json(line, "a row of table " + t.name() + " in snapshot " + id);
            Object[] values = new Object[width + runs.size()];
            for (int i = 0; i < width; i++) {
                values[i] = decode(row.get(i));
            }
            for (int i = 0; i < runs.size(); i++) {
                if (!runs.get(i).hasNext()) {
                    throw damaged(t, id);
                }
                values[width + i] = decode(runs.get(i).next());
            }
            each.accept(values);
            n[0]++;
        });
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
