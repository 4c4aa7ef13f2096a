package io.lookervault.looker;

/**
 * A snapshot of a client's counters.
 *
 * @param requests    HTTP requests sent (each retry counts)
 * @param retries     requests repeated after a transient failure
 * @param rateLimited 429 answers received
 */
public record ApiStats(long requests, long retries, long rateLimited) {}
