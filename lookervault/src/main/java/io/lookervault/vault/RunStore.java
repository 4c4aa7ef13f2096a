package io.lookervault.vault;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the runs tables. Not thread-safe: {@link Vault} serialises access. */
final class RunStore {
    private static final String COLUMNS = "run_id, base_url, mode, status, options, started_at, finished_at,"
            + " duration_ms, requests, retries, rate_limited";
    private final Connection c;

    RunStore(Connection c) {
        this.c = c;
    }

    RunRecord start(String baseUrl, RunMode mode, String options, String startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(run_id, base_url, mode, status, options,"
                + " started_at) VALUES ((SELECT coalesce(max(run_id), 0) + 1 FROM runs), ?, ?, ?, ?, ?)")) {
            ps.setString(1, baseUrl);
            ps.setString(2, mode.key());
            ps.setString(3, RunStatus.RUNNING.key());
            ps.setString(4, options);
            ps.setString(5, startedAt);
            ps.executeUpdate();
        }
        return one("SELECT " + COLUMNS + " FROM runs ORDER BY run_id DESC LIMIT 1").orElseThrow();
    }

    Optional<RunRecord> unfinished(String baseUrl) throws SQLException {
        // only the newest run counts: an older unfinished run was abandoned by a later one
        Optional<RunRecord> last = find("SELECT " + COLUMNS + " FROM runs WHERE base_url=? ORDER BY run_id DESC LIMIT 1",
                baseUrl);
        return last.filter(r -> r.status().resumable());
    }

    Optional<RunRecord> find(long runId) throws SQLException {
        return find("SELECT " + COLUMNS + " FROM runs WHERE run_id=?", Long.toString(runId));
    }

    List<RunRecord> all() throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs ORDER BY run_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs, c));
            }
        }
        return out;
    }

    void setStatus(long runId, RunStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status=? WHERE run_id=?")) {
            ps.setString(1, status.key());
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    void endSegment(long runId, RunStatus status, String finishedAt, long durationMs, long requests, long retries,
                    long rateLimited, Map<String, TypeCounts> counts) throws SQLException {
        Sql.inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status=?, finished_at=?,"
                    + " duration_ms=duration_ms+?, requests=requests+?, retries=retries+?, rate_limited=rate_limited+?"
                    + " WHERE run_id=?");
                 PreparedStatement pc = c.prepareStatement("INSERT OR REPLACE INTO run_type_counts(run_id, type, total,"
                         + " new, changed, unchanged, deleted, failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, status.key());
                ps.setString(2, finishedAt);
                ps.setLong(3, durationMs);
                ps.setLong(4, requests);
                ps.setLong(5, retries);
                ps.setLong(6, rateLimited);
                ps.setLong(7, runId);
                ps.executeUpdate();
                for (Map.Entry<String, TypeCounts> e : counts.entrySet()) {
                    TypeCounts t = e.getValue();
                    long[] v = {t.total(), t.newItems(), t.changed(), t.unchanged(), t.deleted(), t.failed()};
                    pc.setLong(1, runId);
                    pc.setString(2, e.getKey());
                    for (int i = 0; i < v.length; i++) {
                        pc.setLong(3 + i, v[i]);
                    }
                    pc.executeUpdate();
                }
            }
            return null;
        });
    }

    Map<String, TypeCounts> counts(long runId) throws SQLException {
        Map<String, TypeCounts> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT type, total, new, changed, unchanged, deleted, failed"
                + " FROM run_type_counts WHERE run_id=? ORDER BY type")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TypeCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    private Optional<RunRecord> one(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs, c)) : Optional.empty();
        }
    }

    private Optional<RunRecord> find(String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, c)) : Optional.empty();
            }
        }
    }

    private static RunRecord read(ResultSet rs, Connection c) throws SQLException {
        long runId = rs.getLong(1);
        RunStatus status;
        try {
            status = RunStatus.fromKey(rs.getString(4));
        } catch (IllegalArgumentException e) {
            throw new SQLException("run " + runId + " has an unknown status '" + rs.getString(4) + "'", e);
        }
        return new RunRecord(runId, rs.getString(2), RunMode.fromKey(rs.getString(3)), status, rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), new RunStore(c).counts(runId));
    }
}
