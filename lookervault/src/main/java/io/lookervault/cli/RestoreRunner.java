package io.lookervault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.lookervault.config.AppConfig;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.restore.ContentValidator;
import io.lookervault.restore.Outcome;
import io.lookervault.restore.Preflight;
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

    /** The checks around a restore (see RestoreCommand.Checks). */
    record Checks(boolean allowMissing, boolean validate) {}

    static void printJson(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    /**
     * @param checks    pre-flight and content validation around the job
     * @param secrets   write-only values for the objects that need them, and --enable-auth
     * @param confirmed the user said (--yes) a destination this vault never saw is meant
     */
    static int run(CliContext ctx, GlobalOptions global, RestoreOptions o, AppConfig cfg, Checks checks,
                   SecretsOption secrets, boolean confirmed)
            throws Exception {
        String dest = cfg.looker().baseUrl().orElseThrow();
        // a bad secrets file stops the restore before anything connects (exit 2)
        io.lookervault.restore.SecretsFile file = secrets.resolve(ctx);
        // a dry run writes nothing, so it may plan while a backup runs
        try (VaultLock lock = o.dryRun() ? null
                : VaultLock.acquire(cfg.db(), "restore " + o.command().key(), Clock.systemUTC());
             LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience().withMaxInFlight(o.workers()));
             Vault vault = Vault.open(cfg.db());
             RestoreStore store = RestoreStore.open(cfg.db())) {
            if (o.dryRun()) {
                api.readOnly();
            } else if (!confirmed) {
                confirmDestination(vault, store, dest);
            }
            Preflight.Report pf = preflight(ctx, global, o, checks, api, vault);
            RestoreJob job = new RestoreJob(api, vault, store, dest, Clock.systemUTC()).withSecrets(file)
                    .withEnableAuth(secrets.enableAuth);
            RestoreReport report;
            try {
                report = runWithProgress(ctx, global, job, o);
            } catch (RestoreException e) {
                throw new CommandException(ExitCodes.USAGE, e.getMessage());
            }
            ContentValidator.Result validation = null;
            if (checks.validate() && !o.dryRun() && report.status() != RunStatus.FAILED) {
                validation = ContentValidator.run(api).only(ContentValidator.restoredItems(vault, store, o.run(),
                        o.asOf(), dest));
            }
            print(ctx, global, report, pf, validation);
            int code = ExtractRun.exitCode(report.status());
            return code == ExitCodes.OK && validation != null && !validation.problems().isEmpty() ? ExitCodes.PARTIAL : code;
        }
    }

    /**
     * A bulk restore into a Looker the vault has never seen, neither as the backed-up instance nor as an
     * earlier restore's destination, is most often a LOOKERSDK_BASE_URL left pointing elsewhere: it needs a
     * "yes" on a terminal, or --yes.
     */
    private static void confirmDestination(Vault vault, RestoreStore store, String dest) {
        java.util.Set<String> sources = new java.util.TreeSet<>();
        vault.runs().forEach(r -> sources.add(r.baseUrl()));
        boolean known = sources.stream().anyMatch(u -> io.lookervault.config.LookerSettings.sameInstance(u, dest))
                || store.runs().stream().anyMatch(r -> io.lookervault.config.LookerSettings.sameInstance(r.destUrl(), dest));
        if (known) {
            return;
        }
        String what = "restore bulk would write into " + dest + ", which is neither the Looker this vault backs up ("
                + String.join(", ", sources) + ") nor where an earlier restore wrote";
        java.io.Console console = System.console();
        if (console != null) {
            String answer = console.readLine("%s. Write there? [y/N] ", what);
            if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                return;
            }
        }
        throw new CommandException(ExitCodes.USAGE, what + ": check LOOKERSDK_BASE_URL, then run again with --yes"
                + " (or --dry-run to see the plan first)");
    }

    /**
     * Checks the destination for the LookML the content needs before anything is written; a missing model stops a
     * real restore with exit 2 unless {@code --allow-missing}. The table goes to stdout with a dry run's plan, to
     * stderr otherwise.
     */
    private static Preflight.Report preflight(CliContext ctx, GlobalOptions global, RestoreOptions o, Checks checks,
                                              LookerClient api, Vault vault) throws Exception {
        Preflight.Report pf;
        try {
            pf = Preflight.check(api, vault, o);
        } catch (RestoreException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage());
        }
        // a clean pre-flight is news only in a plan
        boolean show = pf.missing().isEmpty() ? o.dryRun() && !global.quiet() : true;
        if (!global.json() && show) {
            ContentChecks.print(o.dryRun() ? ctx.out() : ctx.err(), pf, TextTable.width(ctx.env()));
        }
        if (pf.modelMissing() && !o.dryRun() && !checks.allowMissing()) {
            String models = pf.missing().stream().filter(m -> m.kind().equals("model")).map(Preflight.Missing::name)
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new CommandException(ExitCodes.USAGE, "the destination lacks LookML model(s) " + models + " that the"
                    + " backed-up content queries; deploy them there, or rerun with --allow-missing (see --dry-run)");
        }
        return pf;
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

    static int retry(CliContext ctx, GlobalOptions global, long dlqId, SecretsOption secrets) throws Exception {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        // as restore: a bad secrets file stops the retry before anything connects (exit 2)
        io.lookervault.restore.SecretsFile file = secrets.resolve(ctx);
        String dest = cfg.looker().baseUrl().orElseThrow();
        try (VaultLock lock = VaultLock.acquire(cfg.db(), "restore dlq retry", Clock.systemUTC());
             LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience()); Vault vault = Vault.open(cfg.db());
             RestoreStore store = RestoreStore.open(cfg.db())) {
            List<RestoreReport> reports;
            try {
                reports = new RestoreJob(api, vault, store, dest, Clock.systemUTC()).withSecrets(file)
                        .withEnableAuth(secrets.enableAuth).retry(dlqId);
            } catch (RestoreException e) {
                throw new CommandException(ExitCodes.USAGE, e.getMessage());
            }
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

    private static void print(CliContext ctx, GlobalOptions global, RestoreReport r, Preflight.Report pf,
                              ContentValidator.Result validation) {
        if (global.json()) {
            com.fasterxml.jackson.databind.node.ObjectNode doc = JSON.valueToTree(r);
            doc.set("preflight", ContentChecks.json(pf));
            if (validation != null) {
                doc.set("validation", ContentChecks.json(validation));
            }
            printJson(ctx.out(), doc);
            return;
        }
        print(ctx.out(), global, r);
        if (validation != null) {
            ContentChecks.print(ctx.out(), validation, "restored items", TextTable.width(ctx.env()));
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
        r.counts().forEach((type, c) -> s.row(type, c.getOrDefault(Outcome.Action.CREATE, 0),
                c.getOrDefault(Outcome.Action.UPDATE, 0), c.getOrDefault(Outcome.Action.UNCHANGED, 0),
                c.getOrDefault(Outcome.Action.SKIPPED, 0), c.getOrDefault(Outcome.Action.FAILED, 0)));
        s.render(out, 160);
        out.printf("%s: %d items in %.1f s, %d requests, %d retries%s%n", r.status().key(), r.total(),
                r.durationMs() / 1000.0, r.requests(), r.retries(), r.deadLetters().isEmpty() ? ""
                        : "; " + r.deadLetters().size() + " failed: see `lookervault restore dlq list`");
    }
}
