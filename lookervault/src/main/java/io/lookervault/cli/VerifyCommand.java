package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.config.AppConfig;
import io.lookervault.inspect.SourceIds;
import io.lookervault.inspect.Verifier;
import io.lookervault.inspect.VerifyReport;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "verify", sortOptions = false,
        description = {"Prove the vault is sound: SQLite's integrity check, every stored document's hash recomputed,"
                + " versions and runs consistent, and the last run complete (no failed items, no unfinished types).",
                "--against-source also lists the ids on Looker (cheap fields=id pages) and reports what the vault"
                        + " is missing or holds extra, per type. Opens the vault read-only."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault verify",
                "  lookervault verify --against-source",
                "  lookervault verify --db /backups/looker.db --output json",
                "",
                "Exit codes: 0 sound; 4 problems found (each listed); 2 no vault, or not a vault / unreadable file;",
                "  3 (--against-source) cannot reach or log in to Looker."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Option(names = "--against-source", description = "Also compare the vault's ids with what Looker lists now.")
    private boolean againstSource;

    private final CliContext ctx;

    VerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig cfg = global.loadConfig(ctx, Map.of());
        VerifyReport report;
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            if (againstSource) {
                cfg.looker().requireComplete();
                try (LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience())) {
                    report = new Verifier(reader).verify(new SourceIds(api));
                }
            } else {
                report = new Verifier(reader).verify(null);
            }
        } catch (VaultException e) {
            throw new CommandException(ExitCodes.PARTIAL, "the vault is damaged: " + e.getMessage(), e);
        }
        if (global.json()) {
            JsonOutput.print(ctx.out(), json(report));
        } else {
            render(report);
        }
        return report.sound() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private void render(VerifyReport r) {
        int width = TextTable.width(ctx.env());
        ctx.out().println("Vault " + r.vault());
        ctx.out().println("Schema " + r.schemaVersion() + ", " + r.runs() + " runs, "
                + r.documentsChecked() + " stored documents" + (r.lastRun() > 0 ? ", last run " + r.lastRun() + " ("
                + r.lastRunStatus() + ")" : ""));
        TextTable t = TextTable.of("CHECK", "RESULT", "WHAT IT PROVES");
        r.checks().forEach(c -> t.row(c.name(), c.passed() ? "ok" : c.problems().size() + " problem"
                + (c.problems().size() == 1 ? "" : "s"), c.description()));
        t.render(ctx.out(), width);
        r.checks().stream().filter(c -> !c.passed()).forEach(c -> {
            ctx.out().println();
            ctx.out().println(c.name() + ":");
            c.problems().forEach(p -> ctx.out().println("  - " + p));
        });
        if (!r.source().isEmpty()) {
            ctx.out().println();
            TextTable s = TextTable.of("TYPE", "IN VAULT", "ON LOOKER", "MISSING", "EXTRA", "IDS");
            r.source().forEach(d -> s.row(d.type(), d.inVault(), d.atSource() < 0 ? "-" : d.atSource(),
                    d.missing().size(), d.extra().size(), d.note().isEmpty() ? ids(d) : d.note()));
            s.render(ctx.out(), width);
        }
        ctx.out().println();
        ctx.out().println(r.sound() ? "Sound." : r.problemCount() + " problem" + (r.problemCount() == 1 ? "" : "s")
                + " found.");
    }

    private static String ids(VerifyReport.SourceDiff d) {
        String missing = d.missing().isEmpty() ? "" : "missing: " + String.join(",", d.missing());
        String extra = d.extra().isEmpty() ? "" : "extra: " + String.join(",", d.extra());
        return (missing + (missing.isEmpty() || extra.isEmpty() ? "" : "; ") + extra);
    }

    private static ObjectNode json(VerifyReport r) {
        ObjectNode root = JsonOutput.object();
        root.put("vault", r.vault()).put("sound", r.sound()).put("problems", r.problemCount())
                .put("schema_version", r.schemaVersion()).put("runs", r.runs()).put("last_run", r.lastRun())
                .put("last_run_status", r.lastRunStatus()).put("documents_checked", r.documentsChecked());
        ArrayNode checks = root.putArray("checks");
        for (VerifyReport.Check c : r.checks()) {
            ObjectNode n = checks.addObject().put("check", c.name()).put("passed", c.passed())
                    .put("description", c.description());
            ArrayNode p = n.putArray("problems");
            c.problems().forEach(p::add);
        }
        if (!r.source().isEmpty()) {
            ArrayNode source = root.putArray("against_source");
            for (VerifyReport.SourceDiff d : r.source()) {
                ObjectNode n = source.addObject().put("type", d.type()).put("in_vault", d.inVault());
                if (d.atSource() >= 0) {
                    n.put("on_looker", d.atSource());
                }
                ArrayNode missing = n.putArray("missing");
                d.missing().forEach(missing::add);
                ArrayNode extra = n.putArray("extra");
                d.extra().forEach(extra::add);
                if (!d.note().isEmpty()) {
                    n.put("note", d.note());
                }
            }
        }
        return root;
    }
}
