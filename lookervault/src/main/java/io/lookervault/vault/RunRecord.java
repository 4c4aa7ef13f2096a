package io.lookervault.vault;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;

/**
 * One row of the runs table.
 *
 * @param options the run's options as JSON (types, scope), so that a resumed run continues the same plan
 */
public record RunRecord(long runId, String baseUrl, RunMode mode, RunStatus status, String options,
                        String startedAt, long durationMs, long requests, long retries, long rateLimited) {}
