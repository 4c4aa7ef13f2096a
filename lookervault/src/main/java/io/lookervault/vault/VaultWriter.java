package io.lookervault.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only writer of a vault during a run: one thread that owns the write connection and takes ops from a
 * bounded queue, committing many per transaction. An item's data and its checkpoint (its
 * {@code last_seen_run}) are written by the same statement group in the same transaction, so a crash
 * never leaves a checkpoint ahead of its data.
 *
 * <p>Thread-safe: {@link #submit} may be called from any number of workers. A writer failure is re-thrown
 * to the submitting threads and from {@link #close()}, never lost.
 */
public final class VaultWriter implements AutoCloseable {
    /** Lets tests stop the writer at a chosen point, as a crash would. */
    @FunctionalInterface
    public interface CommitHook {
        /** Called after each commit with the number of items committed so far by this writer. */
        void afterCommit(long itemsCommitted);
    }

    private static final int MAX_BATCH = 4000;
    /**
     * Documents waiting for the writer hold at most this many bytes: the op count alone would let 2,048
     * huge dashboards (a megabyte each is possible) fill the heap. A bigger single document still passes.
     */
    static final int MAX_QUEUED_BYTES = 32 << 20;
    private static final Object POISON = new Object();

    private final Connection conn;
    private final WriteStatements sql;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private final CommitHook hook;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong committed = new AtomicLong();
    private final Semaphore queuedBytes = new Semaphore(MAX_QUEUED_BYTES);

    VaultWriter(Connection conn, long runId, int capacity, CommitHook hook) throws SQLException {
        this.conn = conn;
        this.sql = new WriteStatements(conn, runId);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.hook = hook;
        this.thread = new Thread(this::loop, "vault-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands an op to the writer, blocking while the queue is full, by count or by bytes (backpressure). */
    public void submit(WriteOp op) throws InterruptedException {
        int bytes = bytes(op);
        while (!queuedBytes.tryAcquire(bytes, 100, TimeUnit.MILLISECONDS)) {
            rethrowIfFailed();
        }
        while (!queue.offer(op, 100, TimeUnit.MILLISECONDS)) {
            rethrowIfFailed();
        }
        rethrowIfFailed();
    }

    private static int bytes(Object op) {
        return op instanceof WriteOp.Fetched f ? Math.min(f.json().length, MAX_QUEUED_BYTES) : 0;
    }

    /** Items committed so far (fetched or seen). */
    public long committedItems() {
        return committed.get();
    }

    private void rethrowIfFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new VaultException("vault writer failed: " + t.getMessage(), t);
        }
    }

    private void loop() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.removeIf(o -> o == POISON);
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                }
                if (stop) {
                    return;
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            queue.clear();
        }
    }

    private void writeBatch(List<Object> batch) throws SQLException, InterruptedException {
        long items = 0;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    items = 0;
                    for (Object o : batch) {
                        items += sql.apply((WriteOp) o);
                    }
                    conn.commit();
                    break;
                } catch (SQLException e) {
                    conn.rollback();
                    // in WAL mode a transaction that read before another connection committed cannot become a
                    // writer (SQLITE_BUSY_SNAPSHOT, returned at once, past the busy timeout): SQLite's remedy is to
                    // roll back and run it again on a fresh snapshot. The batch's ops only touch the database.
                    if (!busy(e) || attempt >= BUSY_ATTEMPTS) {
                        throw e;
                    }
                    Thread.sleep(20L * attempt);
                }
            }
        } catch (RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            int written = 0;
            for (Object o : batch) {
                written += bytes(o);
            }
            queuedBytes.release(written);
        }
        long total = committed.addAndGet(items);
        if (hook != null) {
            hook.afterCommit(total);
        }
    }

    private static final int BUSY_ATTEMPTS = 5;

    private static boolean busy(SQLException e) {
        return e instanceof org.sqlite.SQLiteException se && se.getResultCode().name().startsWith("SQLITE_BUSY");
    }

    /** Commits everything queued, stops the thread and re-throws a writer failure. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (failure.get() == null && thread.isAlive()) {
            try {
                // commit what is queued even when the closing thread was interrupted (Ctrl-C)
                if (queue.offer(POISON, 100, TimeUnit.MILLISECONDS)) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        sql.close();
        closeConnection();
        rethrowIfFailed();
    }

    /**
     * Releases the write connection: once the vault's last connection closes, SQLite folds the WAL back
     * into the main file, so a vault copied after a run (without its -wal file) holds the whole run.
     */
    private void closeConnection() {
        try {
            conn.close();
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }
}
