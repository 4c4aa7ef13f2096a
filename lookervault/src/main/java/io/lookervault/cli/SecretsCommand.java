package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.restore.RestoreException;
import io.lookervault.restore.SecretsTemplate;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "The secrets file a restore reads: write-only values (connection passwords, git passwords,"
                + " OIDC/LDAP/OAuth secrets) Looker never sends back, so no backup holds them.",
        subcommands = SecretsCommand.Template.class,
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault secrets template > secrets.toml && chmod 600 secrets.toml",
                "  lookervault restore bulk --secrets secrets.toml --yes"})
final class SecretsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        throw new CommandException(ExitCodes.USAGE, "secrets needs a subcommand: template (see secrets --help)");
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Print a secrets file (TOML) listing every secret the backed-up objects need, values empty,"
                    + " for the admin to fill in. Optional ones are commented out.",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault secrets template > secrets.toml && chmod 600 secrets.toml",
                    "  lookervault secrets template --run 4",
                    "  lookervault secrets template --output json   # [{type, name, field, optional}]",
                    "", "Exit codes: 0 ok, 2 usage/config (no such run, vault unreadable)."})
    static final class Template implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @ArgGroup(exclusive = true)
        RestoreCommand.When when = new RestoreCommand.When();

        private final CliContext ctx;

        Template(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            AppConfig cfg = global.loadConfig(ctx, Map.of());
            List<SecretsTemplate.Entry> entries;
            try (Vault vault = Vault.open(cfg.db())) {
                entries = SecretsTemplate.entries(vault, when.run, when.asOf);
            } catch (RestoreException | IllegalArgumentException | VaultException e) {
                throw new CommandException(ExitCodes.USAGE, e.getMessage());
            }
            if (global.json()) {
                JsonOutput.print(ctx.out(), entries);
            } else {
                ctx.out().print(SecretsTemplate.render(entries));
            }
            return ExitCodes.OK;
        }
    }
}
