package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.ItemHistory;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "history", sortOptions = false,
        description = "The versions of one item across runs: when it was first and last seen, and which fields"
                + " each new version changed.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault history dashboards 42",
                "  lookervault history users 7 --output json",
                "  lookervault diff dashboards 42 --from 3 --to 5    # the field-level changes"})
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Content type: ${COMPLETION-CANDIDATES}",
            completionCandidates = ExtractCommand.TypeKeys.class)
    private String type;

    @Parameters(index = "1", paramLabel = "ID", description = "The item's id.")
    private String id;

    private final CliContext ctx;

    HistoryCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ContentType t = InspectSupport.type(type);
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            ItemHistory h = ItemHistory.of(reader, t.key(), id).orElseThrow(() -> new CommandException(
                    ExitCodes.USAGE, t.key() + " " + id + " is not in the vault"));
            if (global.json()) {
                JsonOutput.print(ctx.out(), json(h, reader));
            } else {
                render(h, reader);
            }
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        }
    }

    private static String started(VaultReader reader, long run) {
        return reader.run(run).map(r -> InspectSupport.time(r.startedAt())).orElse("?");
    }

    private void render(ItemHistory h, VaultReader reader) {
        int width = TextTable.width(ctx.env());
        TextTable head = TextTable.of(h.type() + " " + h.id(), "");
        head.row("Title", h.item().title());
        head.row("First seen", "run " + h.firstSeenRun() + " (" + started(reader, h.firstSeenRun()) + ")");
        head.row("Last seen", "run " + h.lastSeenRun() + " (" + started(reader, h.lastSeenRun()) + ")");
        head.row("Status", h.item().status() + (h.item().deletedRun() > 0
                ? ": gone from Looker in run " + h.item().deletedRun() + " (" + started(reader, h.item().deletedRun()) + ")"
                : ""));
        head.row("Versions", h.versions().size());
        head.render(ctx.out(), width);
        ctx.out().println();
        TextTable t = TextTable.of("VERSION", "FROM RUN", "STARTED", "UNTIL RUN", "SIZE", "HASH", "CHANGED FIELDS");
        for (ItemHistory.Entry e : h.versions()) {
            t.row(e.number(), e.fromRun(), InspectSupport.time(e.fromStartedAt()), e.untilRun() == 0 ? "current" : e.untilRun(),
                    InspectSupport.size(e.sizeBytes()), e.hash().substring(0, 12),
                    e.number() == 1 ? "(first version)" : String.join(", ", e.changedFields()));
        }
        t.render(ctx.out(), width);
    }

    private static ObjectNode json(ItemHistory h, VaultReader reader) {
        ObjectNode root = JsonOutput.object();
        root.put("type", h.type()).put("id", h.id()).put("title", h.item().title()).put("status", h.item().status());
        root.putObject("first_seen").put("run", h.firstSeenRun()).put("started_at", started(reader, h.firstSeenRun()));
        root.putObject("last_seen").put("run", h.lastSeenRun()).put("started_at", started(reader, h.lastSeenRun()));
        Optional.of(h.item().deletedRun()).filter(r -> r > 0).ifPresent(r -> root.put("deleted_run", r));
        ArrayNode versions = root.putArray("versions");
        for (ItemHistory.Entry e : h.versions()) {
            ObjectNode v = versions.addObject();
            v.put("version", e.number()).put("hash", e.hash()).put("from_run", e.fromRun())
                    .put("from_started_at", e.fromStartedAt());
            if (e.untilRun() == 0) {
                v.putNull("until_run");
            } else {
                v.put("until_run", e.untilRun());
            }
            v.put("current", e.untilRun() == 0).put("size_bytes", e.sizeBytes());
            ArrayNode fields = v.putArray("changed_fields");
            e.changedFields().forEach(fields::add);
            v.put("changes", e.changes().size());
        }
        return root;
    }
}
