package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.looker.LookerClient;
import io.lookervault.restore.ContentValidator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run Looker's content validator on the Looker of the active configuration: every look,"
                + " dashboard tile and filter whose model, explore or field no longer exists.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault validate",
                "  lookervault validate --output json | jq '.errors[] | select(.type==\"dashboards\")'",
                "", "Exit codes: 0 no errors, 2 usage/config, 3 cannot connect/login, 4 content has validation errors."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    private final CliContext ctx;

    ValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        cfg.looker().requireComplete();
        ContentValidator.Result r;
        try (LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience())) {
            r = ContentValidator.run(api);
        }
        if (global.json()) {
            JsonOutput.print(ctx.out(), ContentChecks.json(r));
        } else {
            ContentChecks.print(ctx.out(), r, "items", TextTable.width(ctx.env()));
        }
        return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
