package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultAudit;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code verify}: the vault's integrity (SQLite, hashes, references, history, run records), the completeness of
 * its last run, and optionally a comparison of its ids with Looker's. Reads only. Not thread-safe.
 */
public final class Verifier {
    private final VaultReader reader;

    public Verifier(VaultReader reader) {
        this.reader = reader;
    }

    /** Runs every check; {@code source} (may be null) adds the comparison with Looker. */
    public VerifyReport verify(SourceIds source) throws LookerException, InterruptedException {
        VaultAudit audit = new VaultAudit(reader);
        List<RunRecord> runs;
        String runsUnreadable = null;
        try {
            runs = reader.runs();
        } catch (VaultException e) {
            // a damaged runs table is a finding like any other, not a reason to stop checking
            runs = List.of();
            runsUnreadable = e.getMessage();
        }
        RunRecord last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        long[] documents = new long[1];
        List<VerifyReport.Check> checks = new ArrayList<>();
        checks.add(new VerifyReport.Check("sqlite", "SQLite integrity check of every page and index",
                audit.sqliteIntegrity()));
        checks.add(new VerifyReport.Check("hashes", "every stored document matches the hash it is stored under",
                audit.blobHashes(documents)));
        checks.add(new VerifyReport.Check("references", "versions and items point at stored documents and agree",
                audit.references()));
        checks.add(new VerifyReport.Check("history", "each item's versions form non-overlapping run intervals",
                audit.history()));
        checks.add(new VerifyReport.Check("runs", "runs numbered 1..N, statuses valid, recorded counts match the rows",
                runsUnreadable == null ? audit.runs(runs) : List.of(runsUnreadable)));
        checks.add(new VerifyReport.Check("last_run", "the last run finished every type it planned, without failures",
                completeness(audit, last)));
        List<VerifyReport.SourceDiff> compared = source == null || last == null ? List.of()
                : new SourceCheck(reader, source).compare(last);
        return new VerifyReport(reader.path().toAbsolutePath().toString(), schemaVersion(), runs.size(),
                last == null ? 0 : last.runId(), last == null ? "" : last.status().key(), documents[0], checks, compared);
    }

    private int schemaVersion() {
        try {
            return reader.schemaVersion();
        } catch (VaultException e) {
            return 0;
        }
    }

    /** Problems of the last run: unfinished, abandoned, types not done, lists incomplete, items failed. */
    public static List<String> completeness(VaultAudit audit, RunRecord last) {
        List<String> out = new ArrayList<>();
        if (last == null) {
            out.add("the vault holds no readable run: run 'lookervault extract'");
            return out;
        }
        long n = last.runId();
        RunStatus status = last.status();
        if (status.resumable()) {
            out.add("run " + n + " did not finish (status '" + status.key() + "'); 'lookervault extract' resumes it");
        } else if (status == RunStatus.ABANDONED) {
            out.add("run " + n + " was abandoned before it finished");
        }
        try {
            workLeft(audit, last, out);
        } catch (VaultException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    private static void workLeft(VaultAudit audit, RunRecord last, List<String> out) {
        long n = last.runId();
        Map<String, Boolean> done = audit.checkpoints(n);
        List<String> unfinished = plannedTypes(last).stream().filter(t -> !done.containsKey(t)).toList();
        if (!unfinished.isEmpty()) {
            out.add("run " + n + " did not finish these types: " + String.join(", ", unfinished));
        }
        done.forEach((type, complete) -> {
            if (!complete) {
                out.add("run " + n + " could not list all " + type + " (a list page failed): some may be missing");
            }
        });
        for (FailureRecord f : audit.openFailures(n)) {
            out.add("run " + n + ": " + f.type() + " " + f.id() + " failed (" + f.operation() + ", HTTP " + f.status()
                    + ", " + f.attempts() + " attempts): " + f.message());
        }
    }

    /** The types a run set out to back up, from its stored options (all types when they do not say). */
    static List<String> plannedTypes(RunRecord run) {
        JsonNode types = RunOptions.parse(run.options()).path("types");
        if (!types.isArray() || types.isEmpty()) {
            return Arrays.stream(ContentType.values()).map(ContentType::key).toList();
        }
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.add(t.asText()));
        return out;
    }
}
