package io.lookervault.vault;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LookerVault SQLite file: runs, content-addressed item versions with history, checkpoints and failures.
 * Thread-safe: reads and run bookkeeping go through one synchronized connection; bulk item writes go
 * through the single {@link VaultWriter} of a run, on its own connection. WAL mode lets both work at once
 * and a generous busy timeout keeps {@code database is locked} from ever reaching a user.
 */
public final class Vault implements AutoCloseable {
    private final Path path;
    private final Connection conn;
    private final RunStore runs;
    private final ItemStore items;

    private Vault(Path path, Connection conn) {
        this.path = path;
        this.conn = conn;
        this.runs = new RunStore(conn);
        this.items = new ItemStore(conn);
    }

    /**
     * Opens (or creates, owner-only) the vault at {@code path} and applies pending migrations. An existing
     * file must be a LookerVault vault (or an empty SQLite file): a text file, another program's SQLite
     * database or a vault of a newer schema is refused untouched with a {@link VaultUnreadableException}.
     */
    public static Vault open(Path path) {
        Connection c = null;
        try {
            boolean existed = Files.exists(path) && Files.size(path) > 0;
            createOwnerOnly(path);
            try {
                c = connect(path);
                if (existed && VaultReader.hasTables(c)) {
                    VaultReader.checkIsVault(c, path);
                }
            } catch (SQLException e) {
                throw new VaultUnreadableException(path.toAbsolutePath() + VaultReader.describe(e), e);
            }
            Schema.migrate(c);
            return new Vault(path, c);
        } catch (SQLException | IOException e) {
            closeQuietly(c);
            throw new VaultException("cannot open vault " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // the open already failed; that failure is the one to report
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        if (Files.exists(path)) {
            return;
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // SQLite gives the -wal and -shm files the mode of the database file, so they stay private too
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path);
        }
    }

    private static Connection connect(Path path) throws SQLException {
        return SqliteFiles.openWritable(path);
    }

    public Path path() {
        return path;
    }

    /** Starts the single writer of {@code runId}; {@code hook} may be null. */
    public VaultWriter writer(long runId, int queueCapacity, VaultWriter.CommitHook hook) {
        try {
            Connection c = connect(path);
            try (Statement s = c.createStatement()) {
                // 32 MB of pages: the writer's lookups stay in memory without growing the process much
                s.execute("PRAGMA cache_size=-32768");
            }
            return new VaultWriter(c, runId, queueCapacity, hook);
        } catch (SQLException e) {
            throw new VaultException("cannot start vault writer: " + e.getMessage(), e);
        }
    }

    public synchronized RunRecord startRun(String baseUrl, RunMode mode, String optionsJson, String startedAt) {
        return call(() -> runs.start(baseUrl, mode, optionsJson, startedAt));
    }

    /**
     * Stores an import as a new finished run of mode {@code import}, all in one transaction: on any failure
     * nothing of it is written.
     */
    public synchronized RunRecord importRun(ImportSource source, java.time.Clock clock) {
        return call(() -> ImportWrites.write(conn, source, clock));
    }

    /** The newest resumable run against {@code baseUrl}, if the last run there did not finish. */
    public synchronized Optional<RunRecord> unfinishedRun(String baseUrl) {
        return call(() -> runs.unfinished(baseUrl));
    }

    public synchronized Optional<RunRecord> run(long runId) {
        return call(() -> runs.find(runId));
    }

    public synchronized List<RunRecord> runs() {
        return call(runs::all);
    }

    public synchronized void setStatus(long runId, RunStatus status) {
        call(() -> {
            runs.setStatus(runId, status);
            return null;
        });
    }

    /**
     * Records the end (or interruption) of one segment of a run. Counters add up over segments, so a resumed
     * run reports the requests of all its segments.
     */
    public synchronized void endSegment(long runId, RunStatus status, String finishedAt, long durationMs,
                                        long requests, long retries, long rateLimited, Map<String, TypeCounts> counts) {
        call(() -> {
            runs.endSegment(runId, status, finishedAt, durationMs, requests, retries, rateLimited, counts);
            return null;
        });
    }

    /** Records how the in-flight limit moved in the run's segment that just ended. */
    public synchronized void recordLimits(long runId, RunLimits limits) {
        call(() -> {
            new RunLimitStore(conn).add(runId, limits);
            return null;
        });
    }

    /** How the in-flight limit moved in each segment of the run (empty for runs before migration 4). */
    public synchronized List<RunLimits> limits(long runId) {
        return call(() -> new RunLimitStore(conn).of(runId));
    }

    public synchronized Map<String, TypeCounts> storedCounts(long runId) {
        return call(() -> runs.counts(runId));
    }

    /** What the vault knows of each of {@code ids} of {@code type}; ids it has never stored are absent. */
    public synchronized Map<String, KnownItem> known(String type, List<String> ids) {
        return call(() -> items.known(type, ids));
    }

    /** Types whose every item this run has handled (their checkpoint), with whether their listing was complete. */
    public synchronized Map<String, Boolean> doneTypes(long runId) {
        return call(() -> items.doneTypes(runId));
    }

    /** Unresolved failures of earlier runs (and of {@code runId} itself when resuming), oldest first. */
    public synchronized List<FailureRecord> openFailures(String type) {
        return call(() -> items.openFailures(type));
    }

    /** Failures of {@code runId} that no later attempt resolved. */
    public synchronized List<FailureRecord> failures(long runId) {
        return call(() -> items.failures(runId));
    }

    /** Counts computed from the vault's own rows, so they are exact for a resumed run too. */
    public synchronized TypeCounts computeCounts(long runId, String type) {
        return call(() -> items.counts(runId, type));
    }

    /** id → content hash of every item of {@code type} present as of {@code runId}. */
    public synchronized Map<String, String> snapshot(String type, long runId) {
        return call(() -> items.snapshot(type, runId));
    }

    /** id → value of the top-level field {@code field} of every item of {@code type} as of {@code runId} that has one. */
    public synchronized Map<String, String> fieldValues(String type, String field, long runId) {
        if (!field.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a field name: " + field);
        }
        return call(() -> items.fieldValues(type, field, runId));
    }

    /** The stored document of an item as of {@code runId}. */
    public synchronized Optional<String> json(String type, String id, long runId) {
        return call(() -> items.json(type, id, runId));
    }

    /** The last stored document of an item (its deleted version if tombstoned), if the vault ever stored it. */
    public synchronized Optional<String> latestJson(String type, String id) {
        return call(() -> items.latestJson(type, id));
    }

    /** All versions of one item: content hash → [from_run, to_run or 0], oldest first. */
    public synchronized List<long[]> history(String type, String id) {
        return call(() -> items.history(type, id));
    }

    public synchronized long countRows(String table) {
        return call(() -> {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM "
                    + table.replaceAll("[^a-z_]", ""))) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new VaultException("cannot close vault: " + e.getMessage(), e);
        }
    }

    private static <T> T call(Sql.Call<T> body) {
        return Sql.call(body);
    }
}
