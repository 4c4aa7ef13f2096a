package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lookervault.snapshot.Manifest;
import io.lookervault.snapshot.Repo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The snapshots in the store, oldest first: id, time, runs, items, vault size and what each"
                + " push uploaded.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault snapshot list", "  lookervault snapshot list --to file:///mnt/nas/looker --output json"})
final class SnapshotListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--to", paramLabel = "URL", description = "The store (default: snapshot_url under [snapshot]).")
    String to;

    private final CliContext ctx;

    SnapshotListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (Repo repo = SnapshotSupport.open(ctx, SnapshotSupport.config(global, ctx), to, false)) {
            List<Manifest> all = SnapshotSupport.run(repo::manifests);
            if (global.json()) {
                ArrayNode arr = JsonOutput.MAPPER.createArrayNode();
                all.forEach(m -> arr.addObject().put("id", m.id()).put("time", m.time()).put("runs", m.runs())
                        .put("last_run", m.lastRun()).put("items", m.items()).put("documents", m.documentCount())
                        .put("vault_bytes", m.vaultBytes()).put("new_bytes", m.newBytes())
                        .put("tool_version", m.toolVersion()));
                JsonOutput.print(ctx.out(), arr);
                return ExitCodes.OK;
            }
            TextTable t = TextTable.of("ID", "TIME", "RUNS", "LAST RUN", "ITEMS", "VAULT", "NEW");
            all.forEach(m -> t.row(m.id(), m.time(), m.runs(), m.lastRun() + " " + m.lastStatus(), m.items(),
                    SnapshotSupport.mb(m.vaultBytes()), SnapshotSupport.mb(m.newBytes())));
            t.render(ctx.out(), TextTable.width(ctx.env()));
            ctx.out().println(all.size() + " snapshot" + (all.size() == 1 ? "" : "s") + " in " + repo.store().describe());
        }
        return ExitCodes.OK;
    }
}
