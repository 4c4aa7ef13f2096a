package io.lookervault.vault;

import java.util.Map;

/**
 * One run as the inspection commands show it: its row plus its per-type counts.
 *
 * @param finishedAt end of the run's last segment, or null if it never ended (crash, still running)
 * @param counts     per type, by type name, as recorded at the end of the run's last segment (empty if it never ended)
 */
public record RunInfo(long runId, String baseUrl, String mode, String status, String options, String startedAt,
                      String finishedAt, long durationMs, long requests, long retries, long rateLimited,
                      Map<String, TypeCounts> counts) {
    public RunInfo {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
