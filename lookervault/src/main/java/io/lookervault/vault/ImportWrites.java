package io.lookervault.vault;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an {@link ImportSource} as one finished run in a single transaction: the run row, every item through
 * the statements an extraction's writer uses (so versions, intervals and counts follow the same rules), each
 * type's checkpoint and tombstones, and the run's counts. A failure anywhere rolls all of it back.
 * Not thread-safe: {@link Vault} serialises access.
 */
final class ImportWrites {
    private ImportWrites() {}

    static RunRecord write(Connection c, ImportSource source, Clock clock) throws SQLException {
        long start = clock.millis();
        c.setAutoCommit(false);
        boolean committed = false;
        WriteStatements sql = null;
        try {
            RunStore runs = new RunStore(c);
            RunRecord run = runs.start(source.baseUrl(), RunMode.IMPORT, "{}", clock.instant().toString());
            WriteStatements statements = new WriteStatements(c, run.runId());
            sql = statements;
            source.items(f -> {
                try {
                    statements.apply(f);
                } catch (SQLException e) {
                    throw new VaultException("vault error: " + e.getMessage(), e);
                }
            });
            for (String type : source.types()) {
                sql.apply(new WriteOp.TypeDone(type, true, source.wholeTypes().contains(type)));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET options=? WHERE run_id=?")) {
                ps.setString(1, source.optionsJson());
                ps.setLong(2, run.runId());
                ps.executeUpdate();
            }
            ItemStore items = new ItemStore(c);
            Map<String, TypeCounts> counts = new LinkedHashMap<>();
            for (String type : source.types()) {
                counts.put(type, items.counts(run.runId(), type));
            }
            // endSegment commits: the run row, the items and the counts land together
            runs.endSegment(run.runId(), RunStatus.COMPLETED, clock.instant().toString(), clock.millis() - start,
                    0, 0, 0, counts);
            committed = true;
            return runs.find(run.runId()).orElseThrow();
        } finally {
            if (sql != null) {
                sql.close();
            }
            if (!committed && !c.getAutoCommit()) {
                c.rollback();
            }
            c.setAutoCommit(true);
        }
    }
}
