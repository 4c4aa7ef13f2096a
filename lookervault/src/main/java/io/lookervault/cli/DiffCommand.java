package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.FieldChange;
import io.lookervault.inspect.ItemDiff;
import io.lookervault.inspect.RunDiff;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "diff", sortOptions = false,
        description = {"What changed between two runs: items added, removed and changed per type (default: the last"
                + " two runs).",
                "With TYPE ID: the field-level changes of one item (JSON path, old, new) between two runs; without"
                        + " --from/--to, its latest change."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault diff                                   # the last two runs",
                "  lookervault diff 3 5",
                "  lookervault diff dashboards 42                     # what its latest change was",
                "  lookervault diff dashboards 42 --from 3 --to 5 --output json",
                "  lookervault diff --dir ./content                   # what importing a tree would change"})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(arity = "0..2", paramLabel = "RUN_A RUN_B | TYPE ID",
            description = "Two run numbers (default: the last two runs), or a content type and an item id.")
    private List<String> args = new ArrayList<>();

    @Option(names = "--from", paramLabel = "RUN", description = "With TYPE ID: the earlier run.")
    private String from;

    @Option(names = "--to", paramLabel = "RUN", description = "With TYPE ID: the later run (default: the last run).")
    private String to;

    @Option(names = "--dir", paramLabel = "DIR", description = "What a tree written by 'export' (and maybe edited)"
            + " changes against the vault's latest run: what 'import DIR' would store.")
    private java.nio.file.Path dir;

    private final CliContext ctx;

    DiffCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean item = !args.isEmpty() && !args.get(0).chars().allMatch(Character::isDigit);
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            if (dir != null) {
                treeDiff(reader);
            } else if (item) {
                itemDiff(reader);
            } else {
                runDiff(reader);
            }
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        }
    }

    private void treeDiff(VaultReader reader) {
        if (!args.isEmpty() || from != null || to != null) {
            throw new CommandException(ExitCodes.USAGE, "--dir compares a tree with the latest run: give no runs,"
                    + " TYPE ID, --from or --to with it");
        }
        io.lookervault.export.ImportPlan plan;
        try {
            var trees = ImportCommand.reader();
            plan = io.lookervault.export.Importer.plan(trees, trees.scan(ctx.workingDir().resolve(dir)), reader);
        } catch (io.lookervault.export.TreeException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (global.json()) {
            JsonOutput.print(ctx.out(), TreeDiffOutput.json(plan, dir.toString()));
        } else {
            TreeDiffOutput.render(plan, dir.toString(), ctx.out(), TextTable.width(ctx.env()));
        }
    }

    private void runDiff(VaultReader reader) {
        if (from != null || to != null) {
            throw new CommandException(ExitCodes.USAGE, "--from/--to go with TYPE ID; for runs give them as"
                    + " arguments: lookervault diff 3 5");
        }
        List<RunRecord> runs = reader.runs();
        long a;
        long b;
        if (args.size() == 2) {
            a = InspectSupport.run(reader, InspectSupport.parseRun(args.get(0))).runId();
            b = InspectSupport.run(reader, InspectSupport.parseRun(args.get(1))).runId();
        } else if (args.size() == 1) {
            b = InspectSupport.run(reader, InspectSupport.parseRun(args.get(0))).runId();
            a = b - 1;
        } else {
            b = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).runId();
            a = b - 1;
        }
        if (a < 1) {
            throw new CommandException(ExitCodes.USAGE, "diff needs two runs to compare; the vault holds "
                    + runs.size() + " ('lookervault runs' lists them)");
        }
        RunDiff d = RunDiff.between(reader, a, b);
        if (global.json()) {
            JsonOutput.print(ctx.out(), DiffOutput.json(d));
        } else {
            DiffOutput.render(d, ctx.out(), TextTable.width(ctx.env()));
        }
    }

    private void itemDiff(VaultReader reader) {
        if (args.size() != 2) {
            throw new CommandException(ExitCodes.USAGE, "diff TYPE ID needs both the type and the id");
        }
        ContentType t = InspectSupport.type(args.get(0));
        String id = args.get(1);
        Long a = from == null ? null : InspectSupport.run(reader, InspectSupport.parseRun(from)).runId();
        Long b = to == null ? null : InspectSupport.run(reader, InspectSupport.parseRun(to)).runId();
        ItemDiff d = ItemDiff.of(reader, t.key(), id, a, b).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                t.key() + " " + id + " is not in the vault"));
        if (global.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("type", d.type()).put("id", d.id()).put("title", d.title()).put("from_run", d.fromRun())
                    .put("to_run", d.toRun());
            ArrayNode changes = root.putArray("changes");
            for (FieldChange c : d.changes()) {
                changes.addObject().put("path", c.path()).put("change", c.kind().name().toLowerCase())
                        .set("old", c.oldValue());
                ((ObjectNode) changes.get(changes.size() - 1)).set("new", c.newValue());
            }
            JsonOutput.print(ctx.out(), root);
            return;
        }
        ctx.out().println(d.type() + " " + d.id() + " (" + d.title() + "): run " + d.fromRun() + " -> run " + d.toRun()
                + ", " + d.changes().size() + " change" + (d.changes().size() == 1 ? "" : "s"));
        // one block per change: a path can be long and values longer, so neither is squeezed into a column
        int width = TextTable.width(ctx.env());
        for (FieldChange c : d.changes()) {
            ctx.out().println();
            ctx.out().println(c.path() + "  (" + c.kind().name().toLowerCase() + ")");
            if (c.oldValue() != null) {
                ctx.out().println(DiffOutput.fit("  - ", c.oldValue(), width));
            }
            if (c.newValue() != null) {
                ctx.out().println(DiffOutput.fit("  + ", c.newValue(), width));
            }
        }
    }
}
