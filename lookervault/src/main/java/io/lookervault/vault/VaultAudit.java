package io.lookervault.vault;

import io.lookervault.job.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks behind {@code verify}, each returning the problems it found as readable lines (empty = sound).
 * A check that trips over a damaged file reports that as its problem instead of throwing. Reads only.
 * Not thread-safe (uses the reader's connection).
 */
public final class VaultAudit {
    /** Problems listed per check; more are counted, not listed, so a wrecked vault gives a readable report. */
    public static final int MAX_LISTED = 50;

    private final Connection c;

    public VaultAudit(VaultReader reader) {
        this.c = reader.connection();
    }

    /** SQLite's own {@code PRAGMA integrity_check}: pages, b-trees, indexes. */
    public List<String> sqliteIntegrity() {
        return pragmaCheck("integrity_check");
    }

    /** {@code PRAGMA quick_check}: the page and b-tree checks without index contents; fast enough for {@code check}. */
    public List<String> sqliteQuickCheck() {
        return pragmaCheck("quick_check");
    }

    private List<String> pragmaCheck(String pragma) {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(" + MAX_LISTED + ")")) {
                while (rs.next()) {
                    // one row may hold several newline-separated findings
                    for (String line : rs.getString(1).split("\n")) {
                        if (!"ok".equalsIgnoreCase(line.strip()) && !line.startsWith("*** in database")) {
                            out.add(line.strip());
                        }
                    }
                }
            }
            return cap(out, out.size());
        });
    }

    /** Recomputes every stored document's SHA-256 and compares it with the key it is stored under. */
    public List<String> blobHashes(long[] checked) {
        return guarded(() -> {
            List<String> bad = new ArrayList<>();
            long n = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT hash, json FROM blobs")) {
                while (rs.next()) {
                    n++;
                    String hash = rs.getString(1);
                    String json = rs.getString(2);
                    if (json == null || !Hashes.sha256(json).equals(hash)) {
                        bad.add(hash);
                    }
                }
            }
            checked[0] = n;
            List<String> out = new ArrayList<>();
            for (String hash : bad) {
                out.add("stored document " + shortHash(hash) + " does not match its hash (content altered);"
                        + " used by " + users(hash));
            }
            return cap(out, bad.size());
        });
    }

    private String users(String hash) throws SQLException {
        List<String> who = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT type, id, from_run FROM versions WHERE hash=?"
                + " ORDER BY type, id LIMIT 5")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    who.add(rs.getString(1) + " " + rs.getString(2) + " (from run " + rs.getLong(3) + ")");
                }
            }
        }
        return who.isEmpty() ? "no version" : String.join(", ", who);
    }

    /** Every version and item points at a stored document; item rows agree with their open version. */
    public List<String> references() {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            out.addAll(rows("SELECT 'version of ' || type || ' ' || id || ' from run ' || from_run"
                    + " || ' points at a missing document ' || substr(hash, 1, 12) FROM versions v"
                    + " WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.hash=v.hash)"));
            out.addAll(rows("SELECT 'item ' || type || ' ' || id || ' points at a missing document '"
                    + " || substr(hash, 1, 12) FROM items i WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.hash=i.hash)"));
            out.addAll(rows("SELECT 'item ' || i.type || ' ' || i.id || ' is current but its version is '"
                    + " || coalesce(substr(v.hash, 1, 12), 'missing') FROM items i LEFT JOIN versions v ON v.type=i.type"
                    + " AND v.id=i.id AND v.to_run IS NULL WHERE i.deleted_run IS NULL AND (v.hash IS NULL OR v.hash<>i.hash)"));
            out.addAll(rows("SELECT 'item ' || i.type || ' ' || i.id || ' is marked deleted in run ' || i.deleted_run"
                    + " || ' but still has a current version' FROM items i JOIN versions v ON v.type=i.type AND v.id=i.id"
                    + " AND v.to_run IS NULL WHERE i.deleted_run IS NOT NULL"));
            out.addAll(rows("SELECT 'version of ' || type || ' ' || id || ' has no item row' FROM versions v"
                    + " WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.type=v.type AND i.id=v.id) GROUP BY type, id"));
            return cap(out, out.size());
        });
    }

    /** Each item's versions form non-overlapping intervals [from_run, to_run) over runs that exist. */
    public List<String> history() {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            out.addAll(rows("SELECT 'version of ' || type || ' ' || id || ' from run ' || from_run || ' ends at run '"
                    + " || to_run || ', not after it starts' FROM versions WHERE to_run IS NOT NULL AND to_run<=from_run"));
            out.addAll(rows("SELECT 'version of ' || type || ' ' || id || ' from run ' || from_run"
                    + " || ' refers to a run that does not exist' FROM versions v WHERE NOT EXISTS (SELECT 1 FROM runs r"
                    + " WHERE r.run_id=v.from_run) OR (to_run IS NOT NULL AND NOT EXISTS (SELECT 1 FROM runs r"
                    + " WHERE r.run_id=v.to_run))"));
            out.addAll(rows("SELECT 'versions of ' || type || ' ' || id || ' overlap at run ' || nxt FROM"
                    + " (SELECT type, id, to_run, lead(from_run) OVER (PARTITION BY type, id ORDER BY from_run) AS nxt"
                    + " FROM versions) WHERE nxt IS NOT NULL AND (to_run IS NULL OR to_run>nxt)"));
            return cap(out, out.size());
        });
    }

    /**
     * Run rows are numbered 1..N without gaps, have known statuses, only the newest run of a Looker may be
     * unfinished, and each finished run's recorded new/changed/deleted counts equal what its version rows show.
     */
    public List<String> runs(List<RunRecord> runs) {
        return guarded(() -> {
            List<String> out = new ArrayList<>();
            Map<Long, Map<String, long[]>> actual = versionCounts();
            Set<String> newerSeen = new HashSet<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                RunRecord r = runs.get(i);
                if (r.runId() != i + 1) {
                    out.add("run numbers are not 1.." + runs.size() + ": found run " + r.runId() + " at position " + (i + 1));
                }
                RunStatus status = r.status();
                if (status != null && status.resumable() && newerSeen.contains(r.baseUrl())) {
                    out.add("run " + r.runId() + " is still '" + r.status().key() + "' although a later run of the same"
                            + " Looker exists (it should have been abandoned)");
                }
                newerSeen.add(r.baseUrl());
                if (status == RunStatus.COMPLETED || status == RunStatus.COMPLETED_WITH_FAILURES) {
                    out.addAll(counts(r, actual.getOrDefault(r.runId(), Map.of())));
                }
            }
            out.addAll(rows("SELECT 'counts recorded for run ' || run_id || ', which does not exist'"
                    + " FROM run_type_counts t WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id=t.run_id)"
                    + " GROUP BY run_id"));
            return cap(out, out.size());
        });
    }

    private static List<String> counts(RunRecord r, Map<String, long[]> actualByType) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TypeCounts> e : r.counts().entrySet()) {
            TypeCounts stored = e.getValue();
            long[] actual = actualByType.getOrDefault(e.getKey(), new long[3]);
            long[] recorded = {stored.newItems(), stored.changed(), stored.deleted()};
            String[] names = {"new", "changed", "deleted"};
            for (int i = 0; i < 3; i++) {
                if (actual[i] != recorded[i]) {
                    out.add("run " + r.runId() + " records " + recorded[i] + " " + names[i] + " " + e.getKey()
                            + " but its version rows show " + actual[i]);
                }
            }
        }
        return out;
    }

    /**
     * run → type → {new, changed, deleted} from the version rows, which later runs never rewrite. Two grouped
     * scans of the versions table for all runs at once, so the cost does not multiply with the number of runs.
     */
    private Map<Long, Map<String, long[]>> versionCounts() throws SQLException {
        Map<Long, Map<String, long[]>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT from_run, type, count(*),"
                + " sum(NOT EXISTS (SELECT 1 FROM versions p WHERE p.type=v.type AND p.id=v.id AND p.from_run<v.from_run))"
                + " FROM versions v GROUP BY from_run, type")) {
            while (rs.next()) {
                long[] n = out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new long[3]);
                n[0] = rs.getLong(4);
                n[1] = rs.getLong(3) - n[0];
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_run, type, count(*)"
                + " FROM versions v WHERE to_run IS NOT NULL AND NOT EXISTS (SELECT 1 FROM versions n WHERE"
                + " n.type=v.type AND n.id=v.id AND n.from_run=v.to_run) GROUP BY to_run, type")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2),
                        k -> new long[3])[2] = rs.getLong(3);
            }
        }
        return out;
    }

    /** Per type of one run: whether its work finished (checkpoint) and whether its listing was complete. */
    public Map<String, Boolean> checkpoints(long run) {
        return Sql.read(() -> new ItemStore(c).doneTypes(run));
    }

    /** Failures of {@code run} that no later run resolved. */
    public List<FailureRecord> openFailures(long run) {
        return Sql.read(() -> new ItemStore(c).failures(run));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql + " LIMIT " + (MAX_LISTED + 1))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> cap(List<String> out, int total) {
        if (out.size() <= MAX_LISTED) {
            return out;
        }
        List<String> head = new ArrayList<>(out.subList(0, MAX_LISTED));
        head.add("... and " + (total - MAX_LISTED) + " more");
        return head;
    }

    static String shortHash(String hash) {
        return hash == null ? "null" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static List<String> guarded(Sql.Call<List<String>> check) {
        try {
            return check.run();
        } catch (SQLException | RuntimeException e) {
            return List.of("cannot read the vault: " + Sql.sqliteMessage(e));
        }
    }
}
