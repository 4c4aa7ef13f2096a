package io.lookervault.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-side SQL of items, versions, checkpoints and failures. Not thread-safe: {@link Vault} serialises access. */
final class ItemStore {
    private static final String AS_OF = " from_run<=? AND (to_run IS NULL OR to_run>?)";
    private final Connection c;

    ItemStore(Connection c) {
        this.c = c;
    }

    Map<String, KnownItem> known(String type, List<String> ids) throws SQLException {
        Map<String, KnownItem> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = "?,".repeat(ids.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash, updated_at, list_fp, last_seen_run,"
                + " deleted_run, deps FROM items WHERE type=? AND id IN (" + marks.substring(0, marks.length() - 1) + ")")) {
            ps.setString(1, type);
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 2, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(6);
                    boolean deleted = !rs.wasNull();
                    out.put(rs.getString(1), new KnownItem(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), deleted, rs.getString(7)));
                }
            }
        }
        return out;
    }

    Map<String, Boolean> doneTypes(long runId) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT type, complete FROM checkpoints WHERE run_id=?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
        }
        return out;
    }

    List<FailureRecord> openFailures(String type) throws SQLException {
        return failureQuery("SELECT run_id, type, id, operation, status, message, attempts FROM failures"
                + " WHERE resolved_run IS NULL AND type=? AND operation<>'list' ORDER BY run_id, id", type);
    }

    List<FailureRecord> failures(long runId) throws SQLException {
        return failureQuery("SELECT run_id, type, id, operation, status, message, attempts FROM failures"
                + " WHERE resolved_run IS NULL AND run_id=? ORDER BY type, id", runId);
    }

    private List<FailureRecord> failureQuery(String sql, Object param) throws SQLException {
        List<FailureRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FailureRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getInt(7)));
                }
            }
        }
        return out;
    }

    TypeCounts counts(long run, String type) throws SQLException {
        long added = count("SELECT count(*) FROM versions v WHERE v.from_run=? AND v.type=? AND NOT EXISTS"
                + " (SELECT 1 FROM versions p WHERE p.type=v.type AND p.id=v.id AND p.from_run<v.from_run)", run, type);
        long fresh = count("SELECT count(*) FROM versions WHERE from_run=? AND type=?", run, type);
        long seen = count("SELECT count(*) FROM items WHERE last_seen_run=? AND type=?", run, type);
        long deleted = count("SELECT count(*) FROM items WHERE deleted_run=? AND type=?", run, type);
        long failed = count("SELECT count(*) FROM failures WHERE run_id=? AND type=? AND resolved_run IS NULL"
                + " AND operation<>'list'", run, type);
        return new TypeCounts(seen + failed, added, fresh - added, seen - fresh, deleted, failed);
    }

    private long count(String sql, long run, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, run);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    Map<String, String> snapshot(String type, long run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM versions WHERE type=? AND" + AS_OF)) {
            ps.setString(1, type);
            ps.setLong(2, run);
            ps.setLong(3, run);
            return Sql.pairs(ps);
        }
    }

    Map<String, String> fieldValues(String type, String field, long run) throws SQLException {
        String value = "json_extract(b.json, '$.' || ?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, " + value + " FROM versions v JOIN blobs b ON b.hash=v.hash"
                + " WHERE v.type=? AND" + AS_OF.replace("from_run", "v.from_run").replace("to_run", "v.to_run")
                + " AND " + value + " IS NOT NULL")) {
            ps.setString(1, field);
            ps.setString(2, type);
            ps.setLong(3, run);
            ps.setLong(4, run);
            ps.setString(5, field);
            return Sql.pairs(ps);
        }
    }

    Optional<String> json(String type, String id, long run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT b.json FROM versions v JOIN blobs b ON b.hash=v.hash"
                + " WHERE v.type=? AND v.id=? AND" + AS_OF.replace("from_run", "v.from_run")
                .replace("to_run", "v.to_run"))) {
            ps.setString(1, type);
            ps.setString(2, id);
            ps.setLong(3, run);
            ps.setLong(4, run);
            List<String> rows = Sql.strings(ps);
            return rows.stream().findFirst();
        }
    }

    Optional<String> latestJson(String type, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT b.json FROM items i JOIN blobs b ON b.hash=i.hash"
                + " WHERE i.type=? AND i.id=?")) {
            ps.setString(1, type);
            ps.setString(2, id);
            return Sql.strings(ps).stream().findFirst();
        }
    }

    List<long[]> history(String type, String id) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT from_run, coalesce(to_run, 0) FROM versions"
                + " WHERE type=? AND id=? ORDER BY from_run")) {
            ps.setString(1, type);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return out;
    }
}
