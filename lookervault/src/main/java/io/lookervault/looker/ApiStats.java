package io.lookervault.looker;

import io.lookervault.resilience.ConcurrencyLimiter;

/**
 * A snapshot of a client's counters.
 *
 * @param requests    HTTP requests sent (each retry counts)
 * @param retries     requests repeated after a transient failure
 * @param rateLimited 429 answers received
 * @param inFlight    requests in flight now, the limit on them, and how that limit moved
 */
public record ApiStats(long requests, long retries, long rateLimited, ConcurrencyLimiter.Snapshot inFlight) {
    /** Counters of a client without a concurrency limiter (a test double). */
    public ApiStats(long requests, long retries, long rateLimited) {
        this(requests, retries, rateLimited, ConcurrencyLimiter.Snapshot.NONE);
    }
}
