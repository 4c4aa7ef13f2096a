package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Past and unfinished restores, with their item counts and open dead letters.")
final class RestoreStatusCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliContext ctx;

    RestoreStatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        try (Vault vault = Vault.open(cfg.db()); RestoreStore store = RestoreStore.open(cfg.db())) {
            var runs = store.runs();
            var open = store.openDeadLetters(0);
            if (global.json()) {
                var doc = JsonOutput.object();
                var arr = doc.putArray("restores");
                for (var r : runs) {
                    var n = RestoreRunner.JSON.valueToTree(r);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) n).set("actions",
                            JsonOutput.MAPPER.valueToTree(store.actionCounts(r.restoreId())));
                    arr.add(n);
                }
                doc.put("open_dead_letters", open.size());
                JsonOutput.print(ctx.out(), doc);
                return ExitCodes.OK;
            }
            TextTable t = TextTable.of("RESTORE", "STATUS", "FROM RUN", "SOURCE", "DESTINATION", "STARTED", "ITEMS");
            for (var r : runs) {
                t.row(r.restoreId(), r.status(), r.sourceRun(), r.sourceUrl(), r.destUrl(), r.startedAt(),
                        store.actionCounts(r.restoreId()));
            }
            t.render(ctx.out(), TextTable.width(ctx.env()));
            ctx.out().println(open.size() + " open dead letter(s)" + (open.isEmpty() ? ""
                    : ": `lookervault restore dlq list`"));
            return ExitCodes.OK;
        }
    }
}
