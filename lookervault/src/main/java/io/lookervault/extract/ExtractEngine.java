package io.lookervault.extract;

import io.lookervault.job.ProgressSnapshot;
import io.lookervault.looker.ApiStats;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one segment of an extraction: N workers pull list pages and item fetches of every selected type from
 * one {@link WorkQueue} and hand results to the vault's single writer. Not reusable; {@link #cancel()} and
 * {@link #snapshot()} are thread-safe (called from a signal handler and a progress thread).
 */
public final class ExtractEngine {
    /** How a segment ended. */
    public enum Outcome { FINISHED, INTERRUPTED }

    private static final long CANCEL_GRACE_MS = 3_000;
    /** Ops waiting for the writer; each may hold a large dashboard, so this bounds memory too. */
    private static final int WRITE_QUEUE = 2_048;

    private final LookerApi api;
    private final Vault vault;
    private final VaultWriter.CommitHook hook;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final java.util.function.LongSupplier millis;
    private volatile Map<ContentType, TypeTracker> trackers = Map.of();
    private volatile int workers;
    private long started;

    public ExtractEngine(LookerApi api, Vault vault, VaultWriter.CommitHook hook, java.util.function.LongSupplier millis) {
        this.api = api;
        this.vault = vault;
        this.hook = hook;
        this.millis = millis;
    }

    /** Asks the running segment to stop soon; what is fetched so far is committed. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Extracts the types of {@code options} not yet done in {@code runId}.
     *
     * @throws LookerException when the folder scope cannot be resolved
     * @throws RuntimeException a worker's or the writer's failure, re-thrown here
     */
    public Outcome execute(long runId, ExtractOptions options, Set<String> doneTypes)
            throws LookerException, InterruptedException {
        started = millis.getAsLong();
        workers = options.workers();
        Set<String> scope = options.folderIds().isEmpty() ? null
                : FolderScope.resolve(api, options.folderIds(), options.recursive(), options.batchSize());
        Map<ContentType, TypeTracker> map = new EnumMap<>(ContentType.class);
        List<ListingStream> streams = new ArrayList<>();
        for (ContentType t : options.types()) {
            if (doneTypes.contains(t.key())) {
                continue;
            }
            List<ListingStream> own = new ArrayList<>();
            own.add(new ListingStream(t, Incremental.listQuery(t, false), options.batchSize(), options.workers()));
            if (options.includeDeleted() && t.supportsDeleted()) {
                own.add(new ListingStream(t, Incremental.listQuery(t, true), options.batchSize(), options.workers()));
            }
            streams.addAll(own);
            map.put(t, new TypeTracker(t, own));
        }
        trackers = map;
        WorkQueue queue = new WorkQueue(streams, Math.max(4 * options.batchSize(), 2_000));
        try (VaultWriter writer = vault.writer(runId, WRITE_QUEUE, hook)) {
            SegmentWork segment = new SegmentWork(new SegmentWork.Context(runId, options, api, vault, writer, queue, map,
                    retries(map), scope));
            queueRetries(segment, map);
            return runWorkers(segment, queue, options.workers());
        }
    }

    private Map<ContentType, Set<String>> retries(Map<ContentType, TypeTracker> map) {
        Map<ContentType, Set<String>> out = new EnumMap<>(ContentType.class);
        for (ContentType t : map.keySet()) {
            Set<String> ids = new LinkedHashSet<>();
            for (FailureRecord f : vault.openFailures(t.key())) {
                ids.add(f.id());
            }
            out.put(t, Set.copyOf(ids));
        }
        return out;
    }

    private void queueRetries(SegmentWork segment, Map<ContentType, TypeTracker> map) {
        for (ContentType t : map.keySet()) {
            List<String> ids = new ArrayList<>();
            vault.openFailures(t.key()).forEach(f -> ids.add(f.id()));
            segment.queueRetries(t, ids.stream().distinct().toList());
        }
    }

    private Outcome runWorkers(SegmentWork segment, WorkQueue queue, int n) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread th = new Thread(r, "extract-worker");
            th.setDaemon(true);
            return th;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> work(segment, queue)));
        }
        try {
            while (!segment.typesLeft().await(50, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null || cancelled.get()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C interrupts the command thread: stop the workers, but let the writer commit what it holds
            cancelled.set(true);
        }
        queue.close();
        if (cancelled.get() || failure.get() != null) {
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
        awaitQuietly(pool);
        Throwable t = failure.get();
        if (t != null) {
            throw t instanceof RuntimeException re ? re : new IllegalStateException(t.getMessage(), t);
        }
        return segment.typesLeft().getCount() == 0 ? Outcome.FINISHED : Outcome.INTERRUPTED;
    }

    private static void awaitQuietly(ExecutorService pool) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_GRACE_MS);
        while (!pool.isTerminated() && System.nanoTime() < deadline) {
            try {
                pool.awaitTermination(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // a second Ctrl-C: stop harder; the caller restores the interrupt once the writer committed
                pool.shutdownNow();
            }
        }
    }

    /** Whether this segment was cancelled (Ctrl-C); the caller restores the interrupt after committing. */
    public boolean cancelled() {
        return cancelled.get();
    }

    private void work(SegmentWork segment, WorkQueue queue) {
        try {
            WorkQueue.Task task;
            while (!cancelled.get() && (task = queue.next()) != null) {
                busy.incrementAndGet();
                try {
                    segment.run(task);
                } finally {
                    busy.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!cancelled.get()) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /** The run's progress now. */
    public ProgressSnapshot snapshot() {
        List<ProgressSnapshot.TypeProgress> types = new ArrayList<>();
        for (TypeTracker t : trackers.values()) {
            types.add(new ProgressSnapshot.TypeProgress(t.type().key(), t.handled(), t.total(), t.failed(), t.done()));
        }
        ApiStats s = api.stats();
        return new ProgressSnapshot(types, busy.get(), workers, s.requests(), s.retries(), s.rateLimited(),
                millis.getAsLong() - started);
    }
}
