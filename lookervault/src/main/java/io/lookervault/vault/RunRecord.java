package io.lookervault.vault;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run: its row of the runs table and its per-type counts.
 *
 * @param options    the run's options as JSON (types, scope), so that a resumed run continues the same plan
 * @param finishedAt end of the run's last segment, or null if it never ended (crash, still running)
 * @param counts     per type, by type name, as recorded at the end of the run's last segment (empty if it never ended)
 */
public record RunRecord(long runId, String baseUrl, RunMode mode, RunStatus status, String options,
                        String startedAt, String finishedAt, long durationMs, long requests, long retries,
                        long rateLimited, Map<String, TypeCounts> counts) {
    public RunRecord {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
