package io.lookervault.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A few threads for CPU-bound work (parsing, canonical form, writing a file) fed by one producer, with at most
 * a few tasks waiting per thread, so memory stays flat whatever the producer reads. The first failure stops
 * new work and is re-thrown by {@link #close()} (and by the next {@link #submit}). Thread-safe.
 */
final class Parallel implements AutoCloseable {
    private final ExecutorService pool;
    private final Semaphore waiting;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Parallel(int threads) {
        int n = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "export-worker");
            t.setDaemon(true);
            return t;
        });
        this.waiting = new Semaphore(n * 4);
    }

    void submit(Runnable task) {
        rethrow();
        waiting.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                waiting.release();
            }
        });
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Waits for every task, then re-throws the first failure. */
    @Override
    public void close() {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }
}
