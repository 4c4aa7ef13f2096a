package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.Verifier;
import io.lookervault.inspect.VerifyReport;
import io.lookervault.snapshot.Puller;
import io.lookervault.snapshot.Repo;
import io.lookervault.vault.VaultLock;
import io.lookervault.vault.VaultReader;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuild a vault from a snapshot: downloads its packs and tables, checks every SHA-256,"
                + " decrypts, writes a new file beside --db and moves it into place only when whole, then runs"
                + " verify on it.",
                "Refuses to replace an existing vault without --force."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot pull latest --db /restore/looker.db",
                "  lookervault snapshot pull 20261201T020000Z-1a2b --to s3://acme-backups/looker --db looker.db --force",
                "", "Exit codes: 0 pulled and sound, 2 usage/config or the vault exists, 4 the store is damaged"
                        + " (nothing overwritten) or the pulled vault fails verify."})
final class SnapshotPullCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "ID", description = "A snapshot id, a unique prefix of one, or latest.")
    String id;

    @Option(names = "--to", paramLabel = "URL", description = "The store (default: snapshot_url under [snapshot]).")
    String to;

    @Option(names = "--force", description = "Replace an existing vault at --db.")
    boolean force;

    private final CliContext ctx;

    SnapshotPullCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        var cfg = SnapshotSupport.config(global, ctx);
        Puller.Result r;
        try (Repo repo = SnapshotSupport.open(ctx, cfg, to, false);
             VaultLock lock = VaultLock.acquire(cfg.db(), "snapshot pull", Clock.systemUTC())) {
            SnapshotProgress progress = new SnapshotProgress("pull", ctx, global);
            r = SnapshotSupport.run(() -> new Puller(repo).progress(progress).pull(repo.resolve(id), cfg.db(), force));
            progress.done();
        }
        VerifyReport v;
        try (VaultReader reader = VaultReader.open(cfg.db())) {
            v = new Verifier(reader).verify(null);
        }
        if (global.json()) {
            ObjectNode n = JsonOutput.object().put("snapshot", r.manifest().id()).put("vault", cfg.db().toString())
                    .put("documents", r.documents()).put("packs", r.packs()).put("downloaded_bytes", r.downloadedBytes())
                    .put("items", r.manifest().items()).put("runs", r.manifest().runs()).put("sound", v.sound())
                    .put("problems", v.problemCount());
            JsonOutput.print(ctx.out(), n);
        } else {
            ctx.out().println("Pulled snapshot " + r.manifest().id() + " into " + cfg.db() + ": " + r.manifest().items()
                    + " items, " + r.documents() + " documents from " + r.packs() + " packs ("
                    + SnapshotSupport.mb(r.downloadedBytes()) + " after decryption).");
            ctx.out().println(v.sound() ? "verify: sound." : "verify: " + v.problemCount()
                    + " problems (run lookervault verify --db " + cfg.db() + ")");
        }
        return v.sound() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
