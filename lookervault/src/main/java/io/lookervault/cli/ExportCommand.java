package io.lookervault.cli;

import io.lookervault.export.Exporter;
import io.lookervault.export.TreeFormat;
import io.lookervault.inspect.TimeArgs;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a run's content as a tree of files, one per object, for git: folders/<path>/folder.json,"
                + " dashboard--<slug-or-id>--<title>.json and look--<id>--<title>.json in their folder (with their schedules"
                + " and alerts), users/<email>.json, admin/<type>/<name>.json, and a lookervault.json manifest.",
                "Keys are sorted and volatile fields (view counts, last viewed, can, ...) left out, so an unchanged"
                        + " object is byte-identical on the next export. Secrets are never written."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault export ./content --clean             # the newest run; drop files of deleted objects",
                "  lookervault export ./content dashboards looks --as-of 2026-11-24",
                "  lookervault export ./sales --folder-ids 12 --recursive --format yaml",
                "", "Exit codes: 0 ok, 2 usage (unknown type, no such run, vault missing)."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(index = "0", paramLabel = "DIR", description = "The tree's folder (created if missing).")
    private Path dir;

    @Parameters(index = "1..*", paramLabel = "TYPE", arity = "0..*",
            description = "Content types (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = ExtractCommand.TypeKeys.class)
    private List<String> types = new ArrayList<>();

    @ArgGroup(exclusive = true)
    private When when;

    static final class When {
        @Option(names = "--run", paramLabel = "N", description = "Export what run N saw (default: the newest finished run).")
        String run;

        @Option(names = "--as-of", paramLabel = "DATE[TIME]",
                description = "The newest run started by then (UTC unless a zone is given).")
        String asOf;
    }

    @Option(names = "--folder-ids", split = ",", paramLabel = "ID",
            description = "Only these folders and their dashboards, looks, schedules and alerts.")
    private List<String> folderIds = new ArrayList<>();

    @Option(names = "--recursive", description = "With --folder-ids: the folders' whole subtrees.")
    private boolean recursive;

    @Option(names = "--format", paramLabel = "json|yaml", defaultValue = "json", description = "File format (default json).")
    private String format;

    @Option(names = "--clean", description = "Remove files of objects no longer exported (so 'git add -A' records"
            + " deletions).")
    private boolean clean;

    private final CliContext ctx;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> keys = ExtractCommand.parseTypes(types).stream().map(ContentType::key).toList();
        if (recursive && folderIds.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, "--recursive needs --folder-ids");
        }
        TreeFormat f = formatOf(format);
        Path out = ctx.workingDir().resolve(dir);
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            RunRecord run = run(reader);
            long start = System.nanoTime();
            Exporter.Result r = new Exporter(reader, treeTypes())
                    .export(run, out, new Exporter.Options(keys, folderIds, recursive, f, clean),
                            "lookervault " + RootCommand.Version.version());
            report(out, r, (System.nanoTime() - start) / 1_000_000);
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CommandException(ExitCodes.UNEXPECTED, e.getMessage(), e);
        }
    }

    /** The types a tree holds, in plan order: all but the instance's singletons (settings, not content). */
    static List<String> treeTypes() {
        return Arrays.stream(ContentType.values()).filter(t -> !t.instance()).map(ContentType::key).toList();
    }

    static TreeFormat formatOf(String text) {
        try {
            return TreeFormat.fromExtension(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.USAGE, "--format: " + e.getMessage());
        }
    }

    private RunRecord run(VaultReader reader) {
        if (when != null && when.run != null) {
            return InspectSupport.run(reader, InspectSupport.parseRun(when.run));
        }
        if (when != null) {
            String at;
            try {
                at = TimeArgs.instant(when.asOf, true);
            } catch (IllegalArgumentException e) {
                throw new CommandException(ExitCodes.USAGE, "--as-of: " + e.getMessage());
            }
            long n = reader.runAt(at).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                    "no run had started by " + when.asOf + " ('lookervault runs' lists them)"));
            return InspectSupport.run(reader, n);
        }
        List<RunRecord> finished = reader.runs().stream().filter(r -> !r.status().resumable()
                && r.status() != RunStatus.ABANDONED).toList();
        if (finished.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, reader.path() + " holds no finished run to export"
                    + " ('lookervault extract' makes one)");
        }
        return finished.get(finished.size() - 1);
    }

    private void report(Path out, Exporter.Result r, long millis) {
        if (global.json()) {
            var root = JsonOutput.object().put("dir", out.toString()).put("run", r.manifest().run())
                    .put("source_url", r.manifest().sourceUrl()).put("files", r.manifest().files().size())
                    .put("written", r.written()).put("unchanged", r.unchanged()).put("removed", r.removed())
                    .put("duration_ms", millis);
            var counts = root.putObject("counts");
            r.manifest().counts().forEach(counts::put);
            JsonOutput.print(ctx.out(), root);
            return;
        }
        TextTable t = TextTable.of("TYPE", "FILES");
        r.manifest().counts().forEach(t::row);
        t.render(ctx.out(), TextTable.width(ctx.env()));
        ctx.out().println("Exported run " + r.manifest().run() + " of " + r.manifest().sourceUrl() + " to " + out + ": "
                + r.manifest().files().size() + " files (" + r.written() + " written, " + r.unchanged() + " unchanged, "
                + r.removed() + " removed) in " + InspectSupport.duration(millis));
    }
}
