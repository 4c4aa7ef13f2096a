package io.lookervault.cli;

import io.lookervault.config.LookerSettings;
import io.lookervault.export.ImportPlan;
import io.lookervault.export.Importer;
import io.lookervault.export.TreeException;
import io.lookervault.export.TreeReader;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultLock;
import io.lookervault.vault.VaultUnreadableException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read a tree written by 'export' (edited or not) into the vault as a new run of mode 'import',"
                + " so that diff, show, verify and restore work on it.",
                "Every file is checked first; a bad one (invalid JSON, a field of the wrong kind at any depth as the"
                        + " API spec types it, an id in two files) stops the import with its file, line, column and"
                        + " field, and nothing is written. A file without an id is a new object: restore creates it"
                        + " (copy a file, delete its id and retitle it to copy a dashboard or look). Objects missing"
                        + " from the tree count as deleted only for the types the tree holds whole (an export without"
                        + " --folder-ids)."},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault diff --dir ./content                 # what the import would change",
                "  lookervault import ./content && lookervault restore bulk   # promote a reviewed tree",
                "  lookervault --db staging.db import ./content --output json",
                "", "Exit codes: 0 ok, 2 bad tree (file:line:column), vault in use, or vault of another Looker."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(index = "0", paramLabel = "DIR", description = "The tree's folder (with its lookervault.json).")
    private Path dir;

    private final CliContext ctx;

    ImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static TreeReader reader() {
        return new TreeReader(Set.copyOf(ExportCommand.treeTypes()));
    }

    @Override
    public Integer call() {
        Path db = global.loadConfig(ctx, java.util.Map.of()).db();
        Path tree = ctx.workingDir().resolve(dir);
        boolean existed = java.nio.file.Files.exists(db);
        try (VaultLock lock = VaultLock.acquire(db, "import", Clock.systemUTC())) {
            TreeReader reader = reader();
            TreeReader.Tree scanned = reader.scan(tree);
            try (Vault vault = Vault.open(db)) {
                requireSameInstance(vault, db, scanned.manifest().sourceUrl());
                Importer.Result r = Importer.write(vault, reader, scanned, Clock.systemUTC());
                report(tree, r.plan(), r.run());
            }
            return ExitCodes.OK;
        } catch (TreeException e) {
            forgetNewVault(existed, db);
            throw new CommandException(ExitCodes.USAGE, "cannot import " + dir + ": " + e.getMessage()
                    + "; nothing was written", e);
        } catch (VaultUnreadableException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (VaultException | UncheckedIOException e) {
            throw new CommandException(ExitCodes.UNEXPECTED, e.getMessage() + "; nothing was written", e);
        }
    }

    /** A vault this import created holds nothing after a failed import: it goes, so a retry starts clean. */
    private static void forgetNewVault(boolean existed, Path db) {
        if (existed) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                java.nio.file.Files.deleteIfExists(Path.of(db + suffix));
            } catch (java.io.IOException ignored) {
                // an empty vault left behind is harmless: the next import fills it
            }
        }
    }

    /** As for extract: one vault holds one Looker's items, keyed by their ids. */
    private static void requireSameInstance(Vault vault, Path db, String url) {
        for (var run : vault.runs()) {
            if (!LookerSettings.sameInstance(run.baseUrl(), url)) {
                throw new CommandException(ExitCodes.USAGE, "vault " + db + " holds backups of " + run.baseUrl()
                        + ", but the tree comes from " + url + ": one vault holds one Looker (items are keyed by"
                        + " their Looker ids); import it into a vault of its own with --db");
            }
        }
    }

    private void report(Path tree, ImportPlan plan, RunRecord run) {
        long added = plan.count(ImportPlan.Action.ADDED);
        long changed = plan.count(ImportPlan.Action.CHANGED);
        long unchanged = plan.count(ImportPlan.Action.UNCHANGED);
        if (global.json()) {
            JsonOutput.print(ctx.out(), JsonOutput.object().put("run", run.runId()).put("mode", run.mode().key())
                    .put("source_url", run.baseUrl()).put("dir", tree.toString()).put("files", plan.items().size())
                    .put("added", added).put("changed", changed).put("unchanged", unchanged)
                    .put("deleted", plan.gone().size()));
            return;
        }
        ctx.out().println("Imported " + tree + " as run " + run.runId() + " (import) of " + run.baseUrl() + ": "
                + plan.items().size() + " files, " + added + " added, " + changed + " changed, " + unchanged
                + " unchanged, " + plan.gone().size() + " deleted");
        if (!global.quiet()) {
            ctx.err().println("Next: 'lookervault diff' shows the changes; 'lookervault restore bulk' writes them to"
                    + " the Looker of your settings.");
        }
    }
}
