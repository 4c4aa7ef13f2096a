package io.lookervault.restore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.lookervault.job.RunStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a restore (or the plan of a dry run).
 *
 * @param counts   type (step name) → action → number of items
 * @param outcomes per-item outcomes worth showing (every one in a dry run or single restore; otherwise the
 *                 changes and failures, capped)
 * @param deadLetters ids of the dead-letter entries this run added
 */
public record RestoreReport(long restoreId, long sourceRun, String sourceUrl, String destUrl, boolean dryRun,
                            RunStatus status, @JsonIgnore Map<String, Map<Outcome.Action, Integer>> counts, List<Outcome> outcomes,
                            List<Long> deadLetters, long requests, long retries, long durationMs) {
    public RestoreReport {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        outcomes = List.copyOf(outcomes);
        deadLetters = List.copyOf(deadLetters);
    }

    public int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int count(Outcome.Action action) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(action, 0)).sum();
    }

    /** The counts as JSON shows them: type → action key ({@code create}, …) → number of items. */
    @JsonProperty("counts")
    public Map<String, Map<String, Integer>> countsByKey() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        counts.forEach((type, c) -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            c.forEach((a, n) -> m.put(a.key(), n));
            out.put(type, m);
        });
        return out;
    }
}
