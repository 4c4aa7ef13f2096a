package io.lookervault.vault;

import io.lookervault.job.RunStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The restore tables of the vault (migrations 2 and 5 of {@link Schema}): id map, restore runs, per-item
 * checkpoints, the dead-letter queue and which flagless secrets were sent where ({@link SecretsSent}). Their SQL lives here, in the vault, like all SQL of the project. Thread-safe: every method is synchronized over one connection;
 * restore writes are few (one per restored item), so one connection never limits throughput. The vault
 * must have been opened (migrated) with {@code Vault.open} first.
 */
public final class RestoreStore implements AutoCloseable {
    private final Connection c;

    private RestoreStore(Connection c) {
        this.c = c;
    }

    public static RestoreStore open(Path vault) {
        try {
            return new RestoreStore(SqliteFiles.openWritable(vault));
        } catch (SQLException e) {
            throw new VaultException("cannot open the vault's restore tables: " + e.getMessage(), e);
        }
    }

    /**
     * The restore tables for reading only ({@code restore status}, {@code dlq list|show}): the file must
     * already be a LookerVault vault, and is neither created, migrated nor written.
     *
     * @throws VaultUnreadableException when there is no vault at {@code vault} or it is not one
     */
    public static RestoreStore openReadOnly(Path vault) {
        VaultReader.open(vault).close();
        try {
            return new RestoreStore(SqliteFiles.openReadOnly(vault));
        } catch (SQLException e) {
            throw new VaultException("cannot open the vault's restore tables: " + e.getMessage(), e);
        }
    }

    /** One restore run. */
    public record RestoreRunRow(long restoreId, long sourceRun, String sourceUrl, String destUrl, String command,
                             String options, String status, String startedAt, String finishedAt) {}

    /** One dead-letter entry: a write that failed after retries, with what was sent and what came back. */
    public record DeadLetter(long dlqId, long restoreId, String type, String sourceId, String request, int status,
                             String response, String error, String createdAt) {}

    /** One checkpointed item of a restore run. */
    public record Checkpoint(String type, String sourceId, String action, String destId, String detail) {}

    public synchronized long startRun(long sourceRun, String sourceUrl, String destUrl, String command,
                                      String options, String now) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO restore_runs(source_run, source_url,"
                    + " dest_url, command, options, status, started_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, sourceRun);
                ps.setString(2, sourceUrl);
                ps.setString(3, destUrl);
                ps.setString(4, command);
                ps.setString(5, options);
                ps.setString(6, RunStatus.RUNNING.key());
                ps.setString(7, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public synchronized void finishRun(long restoreId, RunStatus status, String now) {
        update("UPDATE restore_runs SET status=?, finished_at=? WHERE restore_id=?", status.key(), now, restoreId);
    }

    /** The newest unfinished run of the same command and options against the same destination. */
    public synchronized Optional<RestoreRunRow> unfinished(String destUrl, String command, String options) {
        return runs("SELECT * FROM restore_runs WHERE dest_url=? AND command=? AND options=? ORDER BY restore_id DESC",
                destUrl, command, options).stream()
                .filter(r -> RunStatus.fromKey(r.status()).resumable()).findFirst();
    }

    public synchronized List<RestoreRunRow> runs() {
        return runs("SELECT * FROM restore_runs ORDER BY restore_id");
    }

    /**
     * The destination id mapped to a source item, unless a later restore mapped another item of the same source
     * to that id: then the id is no longer this item's (a destination rebuilt at the same URL gave it to another
     * object), and the caller looks the item up by its natural key as if it had never been mapped.
     */
    public synchronized Optional<String> destId(String sourceUrl, String destUrl, String type, String sourceId) {
        return strings(DEST_ID, sourceUrl, destUrl, type, sourceId).stream().findFirst();
    }

    /** {@link #destId}'s query; its subquery must search the index {@code id_map_dest}, not scan the type's rows. */
    static final String DEST_ID = "SELECT m.dest_id FROM id_map m WHERE m.source_url=? AND m.dest_url=?"
            + " AND m.type=? AND m.source_id=? AND NOT EXISTS (SELECT 1 FROM id_map o WHERE"
            + " o.source_url=m.source_url AND o.dest_url=m.dest_url AND o.type=m.type AND o.dest_id=m.dest_id"
            + " AND o.source_id<>m.source_id AND coalesce(o.restore_id, 0) > coalesce(m.restore_id, 0))";

    /** Saved at once after a create, so that a crash before the item's checkpoint cannot duplicate it. */
    public synchronized void map(String sourceUrl, String destUrl, String type, String sourceId, String destId,
                                 long restoreId) {
        update("INSERT OR REPLACE INTO id_map VALUES (?,?,?,?,?,?)", sourceUrl, destUrl, type, sourceId, destId,
                restoreId);
    }

    public synchronized void unmap(String sourceUrl, String destUrl, String type, String sourceId) {
        update("DELETE FROM id_map WHERE source_url=? AND dest_url=? AND type=? AND source_id=?", sourceUrl,
                destUrl, type, sourceId);
    }

    public synchronized long mapCount() {
        return Long.parseLong(strings("SELECT count(*) FROM id_map").get(0));
    }

    /** The item's checkpoint and its final id mapping commit together. */
    public synchronized void checkpoint(long restoreId, String sourceUrl, String destUrl, Checkpoint cp) {
        checkpoint(restoreId, sourceUrl, destUrl, cp, null, List.of());
    }

    /**
     * The item's checkpoint, its final id mapping and the names of the write-only secrets its writes carried (to the
     * destination object {@code destKey}; see {@link SecretsSent}) commit together.
     */
    public synchronized void checkpoint(long restoreId, String sourceUrl, String destUrl, Checkpoint cp,
                                        String destKey, java.util.Collection<String> secretsSent) {
        sql(() -> Sql.inTransaction(c, () -> {
            if (destKey != null && !secretsSent.isEmpty()) {
                SecretsSent.record(c, destUrl, cp.type(), destKey, secretsSent, restoreId);
            }
            exec("INSERT OR REPLACE INTO restore_checkpoints VALUES (?,?,?,?,?,?)", restoreId, cp.type(),
                    cp.sourceId(), cp.action(), cp.destId(), cp.detail());
            if (cp.destId() != null) {
                exec("INSERT OR REPLACE INTO id_map VALUES (?,?,?,?,?,?)", sourceUrl, destUrl, cp.type(),
                        cp.sourceId(), cp.destId(), restoreId);
            }
            return null;
        }));
    }

    /** The write-only secrets a restore recorded as sent to the destination object {@code destKey} of {@code type}. */
    public synchronized java.util.Set<String> secretsSent(String destUrl, String type, String destKey) {
        return sql(() -> SecretsSent.fields(c, destUrl, type, destKey));
    }

    public synchronized Map<String, Checkpoint> checkpoints(long restoreId, String type) {
        return sql(() -> {
            Map<String, Checkpoint> out = new HashMap<>();
            try (PreparedStatement ps = prepare("SELECT type, source_id, action, dest_id, detail FROM"
                    + " restore_checkpoints WHERE restore_id=? AND type=?", restoreId, type);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    public synchronized Map<String, Integer> actionCounts(long restoreId) {
        return sql(() -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = prepare("SELECT action, count(*) FROM restore_checkpoints WHERE restore_id=?"
                    + " GROUP BY action", restoreId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    public synchronized long deadLetter(long restoreId, String type, String sourceId, String request, int status,
                                        String response, String error, String now) {
        update("INSERT INTO restore_dlq(restore_id, type, source_id, request, status, response, error, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?)", restoreId, type, sourceId, request, status, response, error, now);
        return Long.parseLong(strings("SELECT last_insert_rowid()").get(0));
    }

    /** Open dead letters, oldest first; {@code restoreId} 0 = of every run. */
    public synchronized List<DeadLetter> openDeadLetters(long restoreId) {
        return sql(() -> {
            List<DeadLetter> out = new ArrayList<>();
            try (PreparedStatement ps = prepare("SELECT dlq_id, restore_id, type, source_id, request, status,"
                    + " response, error, created_at FROM restore_dlq WHERE resolved_at IS NULL AND (?=0 OR"
                    + " restore_id=?) ORDER BY dlq_id", restoreId, restoreId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        });
    }

    public synchronized void resolveDeadLetter(long dlqId, String now) {
        update("UPDATE restore_dlq SET resolved_at=? WHERE dlq_id=?", now, dlqId);
    }

    /** Resolves the open dead letters of one item: a later success supersedes them. */
    public synchronized void resolveDeadLetters(String type, String sourceId, String now) {
        update("UPDATE restore_dlq SET resolved_at=? WHERE resolved_at IS NULL AND type=? AND source_id=?", now,
                type, sourceId);
    }

    public synchronized int clearDeadLetters() {
        return update("DELETE FROM restore_dlq WHERE resolved_at IS NULL");
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new VaultException("cannot close the restore tables: " + e.getMessage(), e);
        }
    }

    private List<RestoreRunRow> runs(String q, Object... params) {
        return sql(() -> {
            List<RestoreRunRow> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(q, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RestoreRunRow(rs.getLong("restore_id"), rs.getLong("source_run"),
                            rs.getString("source_url"), rs.getString("dest_url"), rs.getString("command"),
                            rs.getString("options"), rs.getString("status"), rs.getString("started_at"),
                            rs.getString("finished_at")));
                }
            }
            return out;
        });
    }

    private List<String> strings(String q, Object... params) {
        return sql(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(q, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private int update(String q, Object... params) {
        return sql(() -> exec(q, params));
    }

    private int exec(String q, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(q, params)) {
            return ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(String q, Object... params) throws SQLException {
        return Sql.prepare(c, q, java.util.Arrays.asList(params));
    }

    private static <T> T sql(Sql.Call<T> body) {
        return Sql.call(body);
    }
}
