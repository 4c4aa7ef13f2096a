package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.config.AppConfig;
import io.lookervault.snapshot.Manifest;
import io.lookervault.snapshot.Pusher;
import io.lookervault.snapshot.StoreLock;
import io.lookervault.snapshot.Repo;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send the vault to the snapshot store: a consistent copy (one read transaction, so a running"
                + " extract cannot tear it), only the documents the store lacks, packed ~16 MB, then the other"
                + " tables and a manifest.",
                "Refuses while the vault's last run is unfinished (running, interrupted, failed) unless"
                        + " --allow-unfinished."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot push --to s3://acme-backups/looker",
                "  lookervault snapshot push --to file:///mnt/nas/looker-snapshots --output json",
                "", "Exit codes: 0 pushed, 2 no vault/store/key, unfinished run or a prune holds the store, 4 the upload"
                        + " failed."})
final class SnapshotPushCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--to", paramLabel = "URL", description = "s3://bucket/prefix or file:///path (default:"
            + " snapshot_url under [snapshot]).")
    String to;

    @Option(names = "--allow-unfinished", description = "Push even if the last run did not finish.")
    boolean allowUnfinished;

    @Option(names = "--force-unlock", description = "First remove the store's locks (left by a push or prune that"
            + " was killed; they also expire 30 minutes after their last refresh).")
    boolean forceUnlock;

    @Option(names = "--pack-size-kb", hidden = true, defaultValue = "16384", description = "Pack size (tests).")
    int packSizeKb;

    private final CliContext ctx;

    SnapshotPushCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig cfg = SnapshotSupport.config(global, ctx);
        push(ctx, global, cfg, to, allowUnfinished, packSizeKb, true, forceUnlock);
        return ExitCodes.OK;
    }

    /** {@code extract --snapshot}: pushes to the configured store and prints nothing on stdout. */
    static Pusher.Result pushQuietly(CliContext ctx, GlobalOptions global, AppConfig cfg) throws Exception {
        return push(ctx, global, cfg, null, false, Pusher.PACK_SIZE / 1024, false, false);
    }

    private static Pusher.Result push(CliContext ctx, GlobalOptions global, AppConfig cfg, String to,
                                      boolean allowUnfinished, int packSizeKb, boolean summary, boolean forceUnlock)
            throws Exception {
        if (!Files.isRegularFile(cfg.db())) {
            throw new CommandException(ExitCodes.USAGE, "no vault at " + cfg.db() + ": run lookervault extract first,"
                    + " or point --db at one");
        }
        Pusher.Result r;
        try (Repo repo = SnapshotSupport.open(ctx, cfg, to, true);
             StoreLock lock = SnapshotSupport.lock(repo, StoreLock.Kind.SHARED, forceUnlock)) {
            SnapshotProgress progress = new SnapshotProgress("push", ctx, global);
            r = SnapshotSupport.run(() -> new Pusher(repo, Clock.systemUTC(), RootCommand.Version.version())
                    .packSize(packSizeKb * 1024).progress(progress).push(cfg.db(), allowUnfinished));
            progress.done();
            if (summary) {
                print(ctx, global, repo, r);
            }
        }
        return r;
    }

    private static void print(CliContext ctx, GlobalOptions global, Repo repo, Pusher.Result r) {
        Manifest m = r.manifest();
        if (global.json()) {
            ObjectNode n = JsonOutput.object().put("snapshot", m.id()).put("store", repo.store().describe())
                    .put("time", m.time()).put("runs", m.runs()).put("last_run", m.lastRun()).put("items", m.items())
                    .put("documents", m.documentCount()).put("new_documents", r.newDocuments())
                    .put("vault_bytes", m.vaultBytes()).put("uploaded_bytes", r.uploadedBytes())
                    .put("uploaded_objects", r.uploadedObjects()).put("encrypted", repo.encrypted());
            JsonOutput.print(ctx.out(), n);
            return;
        }
        ctx.out().println("Snapshot " + m.id() + " pushed to " + repo.store().describe()
                + (repo.encrypted() ? " (age-encrypted)" : ""));
        ctx.out().println(m.items() + " items, " + m.documentCount() + " documents (" + r.newDocuments() + " new), "
                + m.runs() + " runs; vault " + SnapshotSupport.mb(m.vaultBytes()) + ", uploaded "
                + SnapshotSupport.mb(r.uploadedBytes()) + " in " + r.uploadedObjects() + " objects.");
    }
}
