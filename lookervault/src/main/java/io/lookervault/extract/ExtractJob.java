package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.job.RestartDecision;
import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ApiStats;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.resilience.ConcurrencyLimiter;
import io.lookervault.vault.RunLimits;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.TypeCounts;
import io.lookervault.vault.Vault;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code extract} invocation: decides whether to resume an unfinished run, runs the engine, and records
 * the segment's outcome and counts in the vault. Not thread-safe except {@link #cancel()}.
 */
public final class ExtractJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LookerApi api;
    private final Vault vault;
    private final String baseUrl;
    private final Clock clock;
    private final ExtractEngine engine;

    public ExtractJob(LookerApi api, Vault vault, String baseUrl, Clock clock,
                      io.lookervault.vault.VaultWriter.CommitHook hook) {
        this.api = api;
        this.vault = vault;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.engine = new ExtractEngine(api, vault, hook, clock::millis);
    }

    public ExtractEngine engine() {
        return engine;
    }

    public void cancel() {
        engine.cancel();
    }

    /**
     * Runs (or resumes) an extraction. A failure of the engine marks the run FAILED (resumable) and is
     * re-thrown; Ctrl-C gives an INTERRUPTED report.
     */
    public ExtractReport run(ExtractOptions requested, boolean resume) throws LookerException, InterruptedException {
        RestartDecision decision = RestartDecision.decide(vault.unfinishedRun(baseUrl).map(RunRecord::runId), resume);
        decision.abandonRunId().ifPresent(id -> vault.setStatus(id, RunStatus.ABANDONED));
        RunRecord run;
        ExtractOptions options;
        if (decision.resumeRunId().isPresent()) {
            run = vault.run(decision.resumeRunId().get()).orElseThrow();
            options = fromJson(run.options(), requested.workers(), run.mode())
                    .withMassDeletion(requested.allowMassDeletion());
            vault.setStatus(run.runId(), RunStatus.RUNNING);
        } else {
            options = requested;
            run = vault.startRun(baseUrl, options.mode(), toJson(options), clock.instant().toString());
        }
        return execute(run, options, decision.resumeRunId().isPresent());
    }

    private ExtractReport execute(RunRecord run, ExtractOptions options, boolean resumed)
            throws LookerException, InterruptedException {
        long start = clock.millis();
        ApiStats before = api.stats();
        RunStatus status = RunStatus.FAILED;
        try {
            var done = vault.doneTypes(run.runId()).keySet();
            ExtractEngine.Outcome outcome = engine.execute(run.runId(), options, done);
            status = outcome == ExtractEngine.Outcome.INTERRUPTED ? RunStatus.INTERRUPTED
                    : vault.failures(run.runId()).isEmpty() ? RunStatus.COMPLETED : RunStatus.COMPLETED_WITH_FAILURES;
        } catch (InterruptedException e) {
            status = RunStatus.INTERRUPTED;
            throw e;
        } finally {
            ApiStats after = api.stats();
            vault.endSegment(run.runId(), status, clock.instant().toString(), clock.millis() - start,
                    after.requests() - before.requests(), after.retries() - before.retries(),
                    after.rateLimited() - before.rateLimited(), counts(run.runId(), options));
            vault.recordLimits(run.runId(), limits(after.inFlight()));
        }
        if (engine.cancelled()) {
            Thread.currentThread().interrupt();
        }
        RunRecord r = vault.run(run.runId()).orElseThrow();
        return new ExtractReport(r.runId(), status, resumed, r.durationMs() / 1000.0, r.requests(), r.retries(),
                r.rateLimited(), counts(run.runId(), options), vault.failures(run.runId()), api.stats().inFlight());
    }

    /** How the client's in-flight limit moved, as the vault keeps it for {@code runs show}. */
    static RunLimits limits(ConcurrencyLimiter.Snapshot s) {
        String mode = s.adaptive() ? "auto" : s.limit() == 0 ? "none" : "fixed";
        return new RunLimits(0, mode, s.moved().min(), s.moved().median(), s.moved().max(),
                s.timeline().stream().map(p -> new RunLimits.Point(p.second(), p.limit()))
                        .toList());
    }

    private Map<String, TypeCounts> counts(long runId, ExtractOptions options) {
        Map<String, TypeCounts> out = new LinkedHashMap<>();
        for (ContentType t : options.types()) {
            out.put(t.key(), vault.computeCounts(runId, t.key()));
        }
        return out;
    }

    static String toJson(ExtractOptions o) {
        ObjectNode n = JSON.createObjectNode();
        n.putPOJO("types", o.types().stream().map(ContentType::key).toList());
        n.put("batch_size", o.batchSize());
        n.putPOJO("folder_ids", o.folderIds());
        n.put("recursive", o.recursive());
        n.put("include_deleted", o.includeDeleted());
        n.put("workers", o.workers());
        return n.toString();
    }

    /** The stored plan of a run being resumed; only the worker count may change between segments. */
    static ExtractOptions fromJson(String json, int workers, RunMode mode) {
        try {
            JsonNode n = JSON.readTree(json);
            List<ContentType> types = new ArrayList<>();
            n.path("types").forEach(t -> ContentType.fromKey(t.asText()).ifPresent(types::add));
            List<String> folders = new ArrayList<>();
            n.path("folder_ids").forEach(f -> folders.add(f.asText()));
            return new ExtractOptions(types, workers, n.path("batch_size").asInt(ExtractOptions.DEFAULT_BATCH_SIZE),
                    folders, n.path("recursive").asBoolean(), n.path("include_deleted").asBoolean(), mode);
        } catch (IOException e) {
            throw new IllegalStateException("stored run options are not JSON: " + e.getMessage(), e);
        }
    }

    /** Used by tests and the CLI to say what a resumed run does. */
    public Optional<RunRecord> unfinished() {
        return vault.unfinishedRun(baseUrl);
    }
}
