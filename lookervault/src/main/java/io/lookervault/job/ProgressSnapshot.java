package io.lookervault.job;

import java.util.List;

/**
 * A moment of a running job (an extraction or a restore), for live progress.
 *
 * @param types       per type: items handled, total when known (-1 otherwise), failures
 * @param busyWorkers workers inside a request right now
 */
public record ProgressSnapshot(List<TypeProgress> types, int busyWorkers, int workers, long requests, long retries,
                               long rateLimited, long elapsedMillis) {
    public ProgressSnapshot {
        types = List.copyOf(types);
    }

    /** One type's progress; {@code total} is -1 until known. */
    public record TypeProgress(String type, long done, long total, long failed, boolean finished) {}
}
