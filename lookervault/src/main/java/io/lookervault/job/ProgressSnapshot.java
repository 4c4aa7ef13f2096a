package io.lookervault.job;

import io.lookervault.resilience.ConcurrencyLimiter;
import java.util.List;

/**
 * A moment of a running job (an extraction or a restore), for live progress.
 *
 * @param types       per type: items handled, total when known (-1 otherwise), failures
 * @param busyWorkers workers inside a request right now
 * @param inFlight    requests in flight and the shared limit on them ({@code auto} or fixed)
 */
public record ProgressSnapshot(List<TypeProgress> types, int busyWorkers, int workers, long requests, long retries,
                               long rateLimited, long elapsedMillis, ConcurrencyLimiter.Snapshot inFlight) {
    public ProgressSnapshot {
        types = List.copyOf(types);
    }

    public ProgressSnapshot(List<TypeProgress> types, int busyWorkers, int workers, long requests, long retries,
                            long rateLimited, long elapsedMillis) {
        this(types, busyWorkers, workers, requests, retries, rateLimited, elapsedMillis,
                ConcurrencyLimiter.Snapshot.NONE);
    }

    /**
     * One type's (or restore step's) progress; {@code total} is -1 until known. {@code activeMillis}: how long
     * it has been worked on, for its rate and ETA; -1 when it runs for the whole job (every extract type).
     */
    public record TypeProgress(String type, long done, long total, long failed, boolean finished, long activeMillis) {
        public TypeProgress(String type, long done, long total, long failed, boolean finished) {
            this(type, done, total, failed, finished, -1);
        }
    }
}
