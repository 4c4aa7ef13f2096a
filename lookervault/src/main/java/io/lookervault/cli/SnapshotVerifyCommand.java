package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.snapshot.Repo;
import io.lookervault.snapshot.StoreVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Prove a snapshot is whole in the store without rebuilding it: its manifest opens, every"
                + " document is indexed in a stored pack, its tables match their SHA-256, and --sample N% of its"
                + " packs (default all) are downloaded and every document in them re-hashed.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot verify latest", "  lookervault snapshot verify latest --sample 5",
                "", "Exit codes: 0 sound, 2 usage/config, 4 problems found (each listed)."})
final class SnapshotVerifyCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "ID", defaultValue = "latest",
            description = "A snapshot id, a unique prefix of one, or latest (default).")
    String id;

    @Option(names = "--to", paramLabel = "URL", description = "The store (default: snapshot_url under [snapshot]).")
    String to;

    @Option(names = "--sample", paramLabel = "PERCENT", defaultValue = "100",
            description = "Share of the snapshot's packs to download and re-hash, 1-100 (default 100).")
    int sample;

    private final CliContext ctx;

    SnapshotVerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (sample < 1 || sample > 100) {
            throw new CommandException(ExitCodes.USAGE, "--sample must be 1 to 100 (percent of packs)");
        }
        StoreVerifier.Report r;
        try (Repo repo = SnapshotSupport.open(ctx, SnapshotSupport.config(global, ctx), to, false)) {
            r = SnapshotSupport.run(() -> new StoreVerifier(repo).verify(repo.resolve(id), sample));
        }
        if (global.json()) {
            ObjectNode n = JsonOutput.object().put("snapshot", r.id()).put("sound", r.sound())
                    .put("documents", r.documents()).put("packs", r.packs()).put("packs_checked", r.packsChecked())
                    .put("documents_checked", r.documentsChecked());
            r.problems().forEach(n.putArray("problems")::add);
            JsonOutput.print(ctx.out(), n);
        } else {
            ctx.out().println("Snapshot " + r.id() + ": " + r.documents() + " documents in " + r.packs() + " packs; "
                    + r.packsChecked() + " packs downloaded, " + r.documentsChecked() + " documents re-hashed.");
            r.problems().forEach(p -> ctx.out().println("  - " + p));
            ctx.out().println(r.sound() ? "Sound." : r.problems().size() + " problems found.");
        }
        return r.sound() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
