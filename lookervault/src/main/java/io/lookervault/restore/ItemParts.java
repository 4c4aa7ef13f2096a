package io.lookervault.restore;

import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the independent requests of one item (a dashboard's tile queries, its filters, its layout components)
 * at the same time, so that an item with many parts costs a few round trips instead of one per part.
 *
 * <p>The parts run on a pool of their own, never on the restore's workers: a worker waiting for its parts while
 * they wait for a worker would deadlock. The pool is bounded; how many requests are in flight at once is still
 * the client's in-flight limit, which every part passes like any other request. {@link #all} waits for every
 * part (none is left running when the item is reported), returns the results in the order of the parts, and
 * throws the first failure in that order, with the request that failed as the calling thread's last request
 * (what the dead-letter queue records). Thread-safe.
 */
final class ItemParts implements AutoCloseable {
    /** One part: a request or a few that depend on nothing else of the item running beside it. */
    @FunctionalInterface
    interface Part<T> {
        T call() throws LookerException, InterruptedException;
    }

    private final ExecutorService pool;
    private final DestinationWriter dest;

    ItemParts(int threads, DestinationWriter dest) {
        this.dest = dest;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "restore-part");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every part; results in the parts' order. A single part runs on the calling thread. */
    <T> List<T> all(List<? extends Part<? extends T>> parts) throws LookerException, InterruptedException {
        List<T> out = new ArrayList<>(parts.size());
        if (parts.size() == 1) {
            out.add(parts.get(0).call());
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(parts.size());
        for (Part<? extends T> p : parts) {
            futures.add(pool.submit(() -> {
                dest.clearLastRequest();
                try {
                    return p.call();
                } catch (LookerException | InterruptedException | RuntimeException e) {
                    throw new Failed(e, dest.lastRequest());
                }
            }));
        }
        Failed first = null;
        try {
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null);
                    if (first == null) {
                        first = e.getCause() instanceof Failed fe ? fe : new Failed(e.getCause(), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        if (first != null) {
            if (first.request != null) {
                dest.adoptLastRequest(first.request);
            }
            Throwable c = first.getCause();
            if (c instanceof LookerException le) {
                throw le;
            }
            throw Rethrow.cause(c, "restore part");
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A part's failure with the request it failed on. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient String request;

        Failed(Throwable cause, String request) {
            super(cause);
            this.request = request;
        }
    }
}
