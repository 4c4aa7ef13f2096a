package io.lookervault.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One snapshot, stored as {@code snapshots/<id>}: when, from which vault state, and the SHA-256 of everything
 * it needs, so a pull can prove what it rebuilt.
 *
 * <p>Two formats are read. Format 1 (the first release) lists every document hash here and keeps the vault's
 * other tables as one SQLite file {@code tablesKey}, sent whole by every push. Format 2 keeps the tables as
 * {@link Stream}s of rows cut into content-defined chunks stored (deduplicated) in packs like documents, so
 * a push after a few edits sends only the chunks around the changed rows; the document list is such a stream
 * too, and the columns that change on every row each run (an item's {@code last_seen_run}) are kept here
 * run-length encoded instead of breaking every chunk.
 *
 * @param tablesKey    format 1: the object holding the vault's other tables (a SQLite file without documents)
 * @param tablesSha256 format 1: SHA-256 of that file after decryption and decompression
 * @param vaultBytes   size of the vault's consistent copy
 * @param newBytes     bytes this push uploaded (packs, index, tables, manifest)
 * @param documents    format 1: hashes of every stored document, sorted (format 2: empty, see {@code docs})
 * @param format       1 or 2 (absent in format 1 manifests, read as 0)
 * @param schema       format 2: the vault's CREATE statements, in the vault's order
 * @param tables       format 2: every table but the documents, as row streams
 * @param docs         format 2: the documents' hashes as a stream of lines, new ones last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String id, String time, String toolVersion, long runs, long lastRun, String lastStatus,
                       long items, long documentCount, long vaultBytes, String tablesKey, String tablesSha256,
                       long newBytes, long newObjects, List<String> documents, int format, List<String> schema,
                       List<Table> tables, Stream docs) {
    public static final int CURRENT = 2;

    public Manifest {
        documents = documents == null ? List.of() : List.copyOf(documents);
        schema = schema == null ? List.of() : List.copyOf(schema);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** Format 1 manifests keep the tables as one file and the document list inline. */
    public boolean chunked() {
        return format >= 2;
    }

    /** The same manifest with the push's totals. */
    Manifest withTotals(long bytes, long objects) {
        return new Manifest(id, time, toolVersion, runs, lastRun, lastStatus, items, documentCount, vaultBytes,
                tablesKey, tablesSha256, bytes, objects, documents, format, schema, tables, docs);
    }

    /**
     * A sequence of lines stored as a tree of content-addressed chunks: {@code root} is a chunk of lines
     * when {@code depth} is 0, else a chunk of child chunk hashes one level down. {@code root} is null for
     * an empty stream.
     */
    public record Stream(String root, int depth, long lines) {}

    /**
     * One table: each row a JSON array of {@code columns} (one line of {@code rows}), in {@code order}; the
     * {@code runs} columns apart, as [value, count, value, count, ...] in the same row order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(String name, List<String> columns, Stream rows, Map<String, List<Object>> runs) {}
}
