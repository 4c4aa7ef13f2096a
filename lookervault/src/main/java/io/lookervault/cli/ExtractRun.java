package io.lookervault.cli;

import io.lookervault.extract.ExtractJob;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.Vault;
import java.time.Clock;

/** Runs an extraction for {@code extract} and {@code demo}: progress, Ctrl-C, summary, exit code. */
final class ExtractRun {
    static final long PLAIN_PROGRESS_MILLIS = 10_000;

    private ExtractRun() {}

    static int run(CliContext ctx, GlobalOptions global, LookerApi api, Vault vault, String baseUrl,
                   ExtractOptions options, boolean resume) throws LookerException, InterruptedException {
        // one cheap call first: an unreachable Looker or a refused login is exit 3 with its own message,
        // not a recorded run in which every listing failed
        api.get("/user", java.util.Map.of("fields", "id"));
        ExtractJob job = new ExtractJob(api, vault, baseUrl, Clock.systemUTC(), null);
        ctx.shutdown().onShutdown(job::cancel);
        job.unfinished().filter(r -> resume && !global.quiet()).ifPresent(r -> ctx.err().println(
                "resuming unfinished run " + r.runId() + " (" + r.status().key() + "); --no-resume starts a new run"));
        ExtractReport report;
        boolean terminal = System.console() != null && ctx.err() == System.err;
        if (global.quiet()) {
            report = job.run(options, resume);
        } else {
            try (ProgressPrinter p = new ProgressPrinter("extract", job.engine()::snapshot, ctx.err(), terminal,
                    PLAIN_PROGRESS_MILLIS)) {
                report = job.run(options, resume);
            }
        }
        if (global.json()) {
            ExtractSummary.printJson(report, ctx.out());
        } else {
            ExtractSummary.printTable(report, ctx.out());
        }
        ctx.out().flush();
        return exitCode(report.status());
    }

    static int exitCode(RunStatus status) {
        return switch (status) {
            case COMPLETED -> ExitCodes.OK;
            case COMPLETED_WITH_FAILURES -> ExitCodes.PARTIAL;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            default -> ExitCodes.UNEXPECTED;
        };
    }
}
