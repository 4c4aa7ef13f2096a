package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.config.AppConfig;
import io.lookervault.config.SettingValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", sortOptions = false,
        description = "Check readiness: settings and their sources, vault path, Looker reachable, login, permissions.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault check",
                "  lookervault check --config prod.ini",
                "  LOOKERSDK_BASE_URL=https://acme.cloud.looker.com lookervault check",
                "  lookervault check --output json",
                "",
                "Exit code 0 when ready; 2 when a setting or the vault path is wrong;",
                "3 when Looker cannot be reached, refuses the login, or the API user",
                "lacks the permissions to see all content; 4 when it cannot read",
                "an instance type (connections, projects, ...): a backup skips it."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    private final CliContext ctx;

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        List<ReadinessChecks.Check> checks = new ArrayList<>();
        checks.add(ReadinessChecks.vault(cfg.db()));
        VaultStatus.health(cfg.db()).ifPresent(checks::add);
        checks.addAll(ReadinessChecks.looker(cfg));
        int code = exitCode(checks);
        if (global.json()) {
            JsonOutput.print(ctx.out(), json(cfg, checks, code));
        } else {
            render(cfg, checks, code);
        }
        return code;
    }

    private static int exitCode(List<ReadinessChecks.Check> checks) {
        boolean usage = checks.stream().anyMatch(c -> c.exitCode() == ExitCodes.USAGE);
        boolean connect = checks.stream().anyMatch(c -> c.exitCode() == ExitCodes.CONNECT);
        boolean partial = checks.stream().anyMatch(c -> c.exitCode() == ExitCodes.PARTIAL);
        return usage ? ExitCodes.USAGE : connect ? ExitCodes.CONNECT : partial ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private void render(AppConfig cfg, List<ReadinessChecks.Check> checks, int code) {
        int width = TextTable.width(ctx.env());
        TextTable settings = TextTable.of("SETTING", "VALUE", "SOURCE");
        for (SettingValue v : cfg.provenance()) {
            settings.row(v.name(), v.display(), v.origin().isEmpty() ? v.source().label()
                    : v.source().label() + " (" + v.origin() + ")");
        }
        settings.render(ctx.out(), width);
        ctx.out().println();
        TextTable t = TextTable.of("CHECK", "RESULT", "DETAIL");
        for (ReadinessChecks.Check c : checks) {
            t.row(c.name(), c.status(), c.detail());
        }
        t.render(ctx.out(), width);
        ctx.out().println();
        ctx.out().println(code == ExitCodes.OK ? "Ready." : code == ExitCodes.PARTIAL
                ? "Ready for content; a backup skips the SKIPPED types above until the API user gets their permission."
                : "Not ready: fix the FAIL rows above.");
    }

    private static ObjectNode json(AppConfig cfg, List<ReadinessChecks.Check> checks, int code) {
        ObjectNode root = JsonOutput.object();
        root.put("ready", code == ExitCodes.OK);
        ArrayNode settings = root.putArray("settings");
        for (SettingValue v : cfg.provenance()) {
            settings.addObject().put("name", v.name()).put("value", v.display()).put("source", v.source().label())
                    .put("origin", v.origin());
        }
        ArrayNode out = root.putArray("checks");
        for (ReadinessChecks.Check c : checks) {
            out.addObject().put("check", c.name()).put("status", c.status().name().toLowerCase())
                    .put("detail", c.detail());
        }
        return root;
    }
}
