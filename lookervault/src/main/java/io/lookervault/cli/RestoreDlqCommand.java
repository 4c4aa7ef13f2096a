package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultLock;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "The restore dead-letter queue: writes that failed after retries, with request and answer.",
        subcommands = {RestoreDlqCommand.ListCmd.class, RestoreDlqCommand.Show.class, RestoreDlqCommand.Retry.class,
                RestoreDlqCommand.Clear.class})
final class RestoreDlqCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    RestoreDlqCommand(CliContext ctx) {
    }

    @Override
    public Integer call() {
        throw new CommandException(ExitCodes.USAGE, "dlq needs a subcommand: list, show ID, retry [ID] or clear");
    }

    /** The dead letters for reading only: the file is neither created, migrated nor written. */
    private static <T> T withStore(CliContext ctx, GlobalOptions g, java.util.function.Function<RestoreStore, T> f) {
        AppConfig cfg = g.loadConfig(ctx, Map.of());
        try (RestoreStore store = RestoreStore.openReadOnly(cfg.db())) {
            return f.apply(store);
        }
    }

    /** For a command that writes: under the vault's job lock, the vault opened (and migrated) for writing. */
    private static <T> T writingStore(CliContext ctx, GlobalOptions g, String job,
                                      java.util.function.Function<RestoreStore, T> f) {
        AppConfig cfg = g.loadConfig(ctx, Map.of());
        try (VaultLock lock = VaultLock.acquire(cfg.db(), job, Clock.systemUTC());
             Vault vault = Vault.open(cfg.db()); RestoreStore store = RestoreStore.open(cfg.db())) {
            return f.apply(store);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Open dead letters, oldest first.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        private final CliContext ctx;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            var open = withStore(ctx, global, s -> s.openDeadLetters(0));
            if (global.json()) {
                RestoreRunner.printJson(ctx.out(), open);
                return ExitCodes.OK;
            }
            TextTable t = TextTable.of("DLQ ID", "RESTORE", "TYPE", "ID", "STATUS", "ERROR");
            open.forEach(d -> t.row(d.dlqId(), d.restoreId(), d.type(), d.sourceId(), d.status(), d.error()));
            t.render(ctx.out(), TextTable.width(ctx.env()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter in full.")
    static final class Show implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Parameters(paramLabel = "ID")
        long id;
        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            var found = withStore(ctx, global, s -> s.openDeadLetters(0)).stream().filter(d -> d.dlqId() == id)
                    .findFirst().orElseThrow(() -> new CommandException(ExitCodes.USAGE, "no open dead letter " + id));
            RestoreRunner.printJson(ctx.out(), found);
            return ExitCodes.OK;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Try one (or every) dead-lettered item again; successes leave the queue. Secrets are never"
                    + " kept in the queue: a retried connection, hub or OAuth application takes them from --secrets again.",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault restore dlq retry",
                    "  lookervault restore dlq retry 3 --secrets secrets.toml   # a connection that failed without its password"})
    static final class Retry implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Mixin
        SecretsOption secrets = new SecretsOption();
        @Parameters(paramLabel = "ID", arity = "0..1")
        Long id;
        private final CliContext ctx;

        Retry(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return RestoreRunner.retry(ctx, global, id == null ? 0 : id, secrets);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Drop every open dead letter.")
    static final class Clear implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        private final CliContext ctx;

        Clear(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            int n = writingStore(ctx, global, "restore dlq clear", RestoreStore::clearDeadLetters);
            ctx.out().println(n + " dead letter(s) cleared");
            return ExitCodes.OK;
        }
    }
}
