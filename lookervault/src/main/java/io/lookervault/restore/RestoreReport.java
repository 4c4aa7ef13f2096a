package io.lookervault.restore;

import io.lookervault.job.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * The result of a restore (or the plan of a dry run).
 *
 * @param counts   type → action key → number of items
 * @param outcomes per-item outcomes worth showing (every one in a dry run or single restore; otherwise the
 *                 changes and failures, capped)
 * @param deadLetters ids of the dead-letter entries this run added
 */
public record RestoreReport(long restoreId, long sourceRun, String sourceUrl, String destUrl, boolean dryRun,
                            RunStatus status, Map<String, Map<String, Integer>> counts, List<Outcome> outcomes,
                            List<Long> deadLetters, long requests, long retries, long durationMs) {
    public RestoreReport {
        counts = Map.copyOf(counts);
        outcomes = List.copyOf(outcomes);
        deadLetters = List.copyOf(deadLetters);
    }

    public int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int count(String action) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(action, 0)).sum();
    }
}
