package io.lookervault.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL of {@code run_limits} (migration 4): how the in-flight limit moved, per segment of a run. The timeline is
 * a JSON array of {@code [second, limit]} pairs, readable with SQLite's json functions. Not thread-safe.
 */
final class RunLimitStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection c;

    RunLimitStore(Connection c) {
        this.c = c;
    }

    /** Adds the limits of the run's next segment. */
    void add(long runId, RunLimits l) throws SQLException {
        ArrayNode points = JSON.createArrayNode();
        l.timeline().forEach(p -> points.addArray().add(p.second()).add(p.limit()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_limits(run_id, segment, mode, min, median,"
                + " max, timeline) VALUES (?, (SELECT coalesce(max(segment), 0) + 1 FROM run_limits WHERE run_id=?),"
                + " ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            ps.setString(3, l.mode());
            ps.setInt(4, l.min());
            ps.setInt(5, l.median());
            ps.setInt(6, l.max());
            ps.setString(7, points.toString());
            ps.executeUpdate();
        }
    }

    /** The run's segments, first first; empty for a run made before migration 4 or a vault without the table. */
    List<RunLimits> of(long runId) throws SQLException {
        List<RunLimits> out = new ArrayList<>();
        if (!exists()) {
            return out; // a read-only look at a vault from before migration 4
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT segment, mode, min, median, max, timeline"
                + " FROM run_limits WHERE run_id=? ORDER BY segment")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunLimits(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            points(rs.getString(6))));
                }
            }
        }
        return out;
    }

    private boolean exists() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='run_limits'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static List<RunLimits.Point> points(String json) throws SQLException {
        List<RunLimits.Point> out = new ArrayList<>();
        try {
            for (JsonNode p : JSON.readTree(json)) {
                out.add(new RunLimits.Point(p.path(0).asLong(), p.path(1).asInt()));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("run_limits holds a timeline that is not JSON", e);
        }
        return out;
    }
}
