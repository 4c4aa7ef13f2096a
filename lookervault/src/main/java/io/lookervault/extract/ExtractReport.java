package io.lookervault.extract;

import io.lookervault.job.RunStatus;
import io.lookervault.resilience.ConcurrencyLimiter;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.TypeCounts;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code extract}: what the summary and {@code --output json} print.
 *
 * @param resumed whether this invocation continued an unfinished run
 * @param items    per type key, in catalogue order
 * @param inFlight the shared in-flight limit at the end and how it moved during this invocation
 */
public record ExtractReport(long runId, RunStatus status, boolean resumed, double durationSeconds, long requests,
                            long retries, long rateLimited, Map<String, TypeCounts> items,
                            List<FailureRecord> failures, ConcurrencyLimiter.Snapshot inFlight) {
    public ExtractReport {
        items = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
        failures = List.copyOf(failures);
    }

    public long itemsStored() {
        return items.values().stream().mapToLong(c -> c.total() - c.failed()).sum();
    }
}
