package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.snapshot.Pruner;
import io.lookervault.snapshot.Repo;
import io.lookervault.snapshot.Retention;
import io.lookervault.snapshot.StoreLock;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Forget snapshots by restic's rules (the newest N; the newest of each of the last D days,"
                + " W ISO weeks, M months, UTC; kept by any rule = kept) and delete the packs no kept snapshot"
                + " needs.",
                "Crash-safe: a prune killed half-way never leaves a kept snapshot missing a document; rerun it."
                        + " It locks the store: it will not start while a push or another prune runs there (nor"
                        + " they while it runs); a lock left by a killed process expires after 30 minutes, or"
                        + " remove it with --force-unlock."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot prune --keep-daily 7 --keep-weekly 5 --keep-monthly 12 --dry-run",
                "  lookervault snapshot prune --keep-last 3",
                "  lookervault snapshot prune --keep-last 3 --force-unlock   (after a prune was killed)",
                "", "Exit codes: 0 ok, 2 usage/config (no --keep-*) or the store is locked, 4 the store is damaged (nothing"
                        + " deleted)."})
final class SnapshotPruneCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--to", paramLabel = "URL", description = "The store (default: snapshot_url under [snapshot]).")
    String to;

    @Option(names = "--keep-last", paramLabel = "N", defaultValue = "0", description = "Keep the newest N.")
    int last;

    @Option(names = "--keep-daily", paramLabel = "D", defaultValue = "0", description = "Keep one a day for D days.")
    int daily;

    @Option(names = "--keep-weekly", paramLabel = "W", defaultValue = "0", description = "Keep one a week for W weeks.")
    int weekly;

    @Option(names = "--keep-monthly", paramLabel = "M", defaultValue = "0",
            description = "Keep one a month for M months.")
    int monthly;

    @Option(names = "--dry-run", description = "Say what would go; delete nothing.")
    boolean dryRun;

    @Option(names = "--force-unlock", description = "First remove the store's locks (left by a push or prune that"
            + " was killed; they also expire 30 minutes after their last refresh).")
    boolean forceUnlock;

    private final CliContext ctx;

    SnapshotPruneCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Retention policy = SnapshotSupport.run(() -> new Retention(last, daily, weekly, monthly));
        Pruner.Result r;
        try (Repo repo = SnapshotSupport.open(ctx, SnapshotSupport.config(global, ctx), to, false);
             StoreLock lock = SnapshotSupport.lock(repo, dryRun ? StoreLock.Kind.SHARED : StoreLock.Kind.EXCLUSIVE,
                     forceUnlock)) {
            r = SnapshotSupport.run(() -> new Pruner(repo, Clock.systemUTC()).prune(policy, dryRun));
        }
        if (global.json()) {
            ObjectNode n = JsonOutput.object().put("dry_run", r.dryRun()).put("packs_deleted", r.packsDeleted())
                    .put("packs_kept", r.packsKept());
            r.kept().forEach(n.putArray("kept")::add);
            r.forgotten().forEach(n.putArray("forgotten")::add);
            JsonOutput.print(ctx.out(), n);
        } else {
            String verb = r.dryRun() ? "would " : "";
            ctx.out().println("Keep " + r.kept().size() + " snapshots; " + verb + "forget " + r.forgotten().size()
                    + (r.forgotten().isEmpty() ? "" : " (" + String.join(", ", r.forgotten()) + ")") + "; " + verb
                    + "delete " + r.packsDeleted() + " packs, keep " + r.packsKept() + ".");
        }
        return ExitCodes.OK;
    }
}
