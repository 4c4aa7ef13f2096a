package io.lookervault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.lookervault.config.AppConfig;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.restore.Outcome;
import io.lookervault.restore.RestoreException;
import io.lookervault.restore.RestoreJob;
import io.lookervault.restore.RestoreOptions;
import io.lookervault.restore.RestoreReport;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultLock;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs a restore for the restore subcommands: the job, then the plan or summary, and the exit code. */
final class RestoreRunner {
    /** snake_case keys, as extract's JSON summary has them. */
    static final ObjectMapper JSON = JsonOutput.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private RestoreRunner() {}

    static void printJson(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    static int run(CliContext ctx, GlobalOptions global, RestoreOptions o, AppConfig cfg) throws Exception {
        String dest = cfg.looker().baseUrl().orElseThrow();
        // a dry run writes nothing, so it may plan while a backup runs
        try (VaultLock lock = o.dryRun() ? null
                : VaultLock.acquire(cfg.db(), "restore " + o.command().key(), Clock.systemUTC());
             LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience()); Vault vault = Vault.open(cfg.db());
             RestoreStore store = RestoreStore.open(cfg.db())) {
            RestoreJob job = new RestoreJob(api, vault, store, dest, Clock.systemUTC());
            RestoreReport report;
            try {
                report = runWithProgress(ctx, global, job, o);
            } catch (RestoreException e) {
                throw new CommandException(ExitCodes.USAGE, e.getMessage());
            }
            print(ctx.out(), global, report);
            return ExtractRun.exitCode(report.status());
        }
    }

    /** Live progress on stderr as extract shows it (redrawn on a terminal, a line every 10 s otherwise; none with -q). */
    private static RestoreReport runWithProgress(CliContext ctx, GlobalOptions global, RestoreJob job, RestoreOptions o)
            throws InterruptedException {
        if (global.quiet()) {
            return job.run(o);
        }
        boolean terminal = System.console() != null && ctx.err() == System.err;
        try (ProgressPrinter p = new ProgressPrinter("restore", job::snapshot, ctx.err(), terminal,
                ExtractRun.PLAIN_PROGRESS_MILLIS)) {
            return job.run(o);
        }
    }

    static int retry(CliContext ctx, GlobalOptions global, long dlqId) throws Exception {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        String dest = cfg.looker().baseUrl().orElseThrow();
        try (VaultLock lock = VaultLock.acquire(cfg.db(), "restore dlq retry", Clock.systemUTC());
             LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience()); Vault vault = Vault.open(cfg.db());
             RestoreStore store = RestoreStore.open(cfg.db())) {
            List<RestoreReport> reports = new RestoreJob(api, vault, store, dest, Clock.systemUTC()).retry(dlqId);
            if (global.json()) {
                printJson(ctx.out(), reports);
            } else {
                reports.forEach(r -> print(ctx.out(), global, r));
                if (reports.isEmpty()) {
                    ctx.out().println("nothing to retry: the dead-letter queue is empty");
                }
            }
            RunStatus worst = reports.stream().map(RestoreReport::status).reduce(RunStatus.COMPLETED, RunStatus::worst);
            return ExtractRun.exitCode(worst);
        }
    }

    static void print(PrintStream out, GlobalOptions global, RestoreReport r) {
        if (global.json()) {
            printJson(out, r);
            return;
        }
        out.printf("%s from run %d of %s into %s%n", r.dryRun() ? "Plan (dry run, nothing written)" : "Restore "
                + r.restoreId(), r.sourceRun(), r.sourceUrl(), r.destUrl());
        if (r.dryRun() || r.outcomes().size() <= 50) {
            TextTable t = TextTable.of("TYPE", "ID", "ACTION", "DEST ID", "FIELDS / NOTES");
            for (Outcome o : r.outcomes()) {
                String detail = String.join(", ", o.fields()) + (o.notes().isEmpty() ? "" : (o.fields().isEmpty()
                        ? "" : "; ") + String.join("; ", o.notes()));
                t.row(o.type(), o.sourceId(), o.action().key(), o.destId() == null ? "-" : o.destId(), detail);
            }
            t.render(out, 160);
        }
        TextTable s = TextTable.of("TYPE", "CREATE", "UPDATE", "UNCHANGED", "SKIPPED", "FAILED");
        r.counts().forEach((type, c) -> s.row(type, c.getOrDefault("create", 0), c.getOrDefault("update", 0),
                c.getOrDefault("unchanged", 0), c.getOrDefault("skipped", 0), c.getOrDefault("failed", 0)));
        s.render(out, 160);
        out.printf("%s: %d items in %.1f s, %d requests, %d retries%s%n", r.status().key(), r.total(),
                r.durationMs() / 1000.0, r.requests(), r.retries(), r.deadLetters().isEmpty() ? ""
                        : "; " + r.deadLetters().size() + " failed: see `lookervault restore dlq list`");
    }
}
