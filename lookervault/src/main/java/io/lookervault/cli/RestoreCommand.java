package io.lookervault.cli;

import io.lookervault.restore.RestoreOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore backed-up content into the Looker of the active configuration (the same instance,"
                + " or another one: then ids are mapped).",
        subcommands = {RestoreCommand.Single.class, RestoreCommand.Bulk.class, RestoreStatusCommand.class,
                RestoreDlqCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault restore single dashboards 42 --dry-run   # the plan, field by field; writes nothing",
                "  lookervault restore single dashboards 42 --as-of 2026-11-24",
                "  lookervault restore bulk --dry-run                    # pre-flight: models, explores, connections,"
                        + " owners, recipients the content needs",
                "  lookervault restore bulk --allow-missing --no-validate # restore although models are missing",
                "  lookervault restore bulk --folder-ids 12 --recursive  # a deleted folder with its content",
                "  lookervault restore bulk --workers 16                 # everything, in dependency order",
                "  lookervault restore bulk --secrets secrets.toml --yes # a new Looker: connections get their passwords",
                "  lookervault restore dlq list                          # what failed after retries",
                "", "Exit codes: 0 ok, 2 usage/config or (before writing) a LookML model the content needs is missing,"
                        + " 3 cannot connect/login, 4 some items failed (dead-letter queue) or restored content has"
                        + " content-validator errors, 130 interrupted (rerun resumes)."})
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliContext ctx;

    RestoreCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        throw new CommandException(ExitCodes.USAGE, "restore needs a subcommand: single, bulk, status or dlq"
                + " (see restore --help)");
    }

    /** The checks around a restore: pre-flight (missing LookML) and content validation afterwards. */
    static final class Checks {
        @Option(names = "--allow-missing", description = "Restore even when the destination lacks LookML models the"
                + " content needs (the pre-flight lists them; their tiles and looks will not run).")
        boolean allowMissing;

        @Option(names = "--validate", negatable = true, description = "After restoring, run Looker's content"
                + " validator and report the restored items with errors (exit 4). Default: on for bulk, off for single.")
        Boolean validate;

        RestoreRunner.Checks resolve(boolean validateByDefault) {
            return new RestoreRunner.Checks(allowMissing, validate == null ? validateByDefault : validate);
        }
    }

    /** What restoring a LookML dashboard does (README "LookML dashboards"). */
    static final class LookmlFlags {
        @Option(names = "--lookml-dashboards", paramLabel = "import|sync|skip", defaultValue = "sync",
                description = "LookML dashboards come back by deploying their project; a restore brings back their"
                        + " linked user-defined copies. sync (default): bring the restored copies up to date with the"
                        + " LookML dashboard. import: make a linked copy in each folder where the backup had one (or in"
                        + " --lookml-into-folder) unless one is there. skip: leave them alone.")
        String mode;

        @Option(names = "--lookml-into-folder", paramLabel = "ID",
                description = "With --lookml-dashboards import: make one linked copy of each LookML dashboard in this"
                        + " destination folder instead.")
        String intoFolder;

        RestoreOptions apply(RestoreOptions o) {
            RestoreOptions.Lookml.Mode m;
            try {
                m = RestoreOptions.Lookml.Mode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandException(ExitCodes.USAGE, "invalid --lookml-dashboards '" + mode
                        + "': use import, sync or skip");
            }
            if (intoFolder != null && m != RestoreOptions.Lookml.Mode.IMPORT) {
                throw new CommandException(ExitCodes.USAGE, "--lookml-into-folder needs --lookml-dashboards import");
            }
            return o.with(new RestoreOptions.Lookml(m, intoFolder));
        }
    }

    /** Which backed-up version: a run id or a point in time. */
    static final class When {
        @Option(names = "--run", paramLabel = "N", description = "Restore what extraction run N saw.")
        Long run;

        @Option(names = "--as-of", paramLabel = "DATE[TIME]",
                description = "Restore as of the newest run started then (2026-11-24 or 2026-11-24T10:00:00Z).")
        String asOf;
    }

    @Command(name = "single", mixinStandardHelpOptions = true,
            description = "Restore one item (and the folders/looks it needs that are missing).",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault restore single dashboards 42", "  lookervault restore single looks 7 --run 3",
                    "  lookervault restore single dashboards 42 --validate  # then Looker's content validator",
                    "  lookervault restore single lookml_dashboards thelook::overview --lookml-dashboards import"
                            + " --lookml-into-folder 7",
                    "  lookervault restore single folders 12 --dry-run"})
    static final class Single implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(index = "0", paramLabel = "TYPE", description = "dashboards, looks, folders, users, groups, ...")
        String type;

        @Parameters(index = "1", paramLabel = "ID", description = "The item's id in the backup.")
        String id;

        @Option(names = "--dry-run", description = "Print the pre-flight and the plan (create/update/unchanged/conflict);"
                + " write nothing.")
        boolean dryRun;

        @Mixin
        Shared shared = new Shared();

        private final CliContext ctx;

        Single(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return shared.run(ctx, global, global.loadConfig(ctx, Map.of()), false, true,
                    w -> RestoreOptions.single(type, id, w.run, w.asOf, dryRun));
        }
    }

    @Command(name = "bulk", mixinStandardHelpOptions = true,
            description = "Restore many items (default: everything) in dependency order, in parallel.",
            footerHeading = "%nExamples:%n",
            footer = {"  lookervault restore bulk", "  lookervault restore bulk dashboards looks --run 4 --workers 16",
                    "  lookervault restore bulk --folder-ids 12,40 --recursive --dry-run",
                    "  lookervault restore bulk --allow-missing   # go on although the pre-flight finds models missing",
                    "  lookervault restore bulk --no-validate     # skip the content validator afterwards",
                    "  lookervault restore bulk lookml_dashboards --lookml-dashboards import   # linked copies made again",
                    "  LOOKERSDK_BASE_URL=https://new.example.com lookervault restore bulk --yes   # a migration"})
    static final class Bulk implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Parameters(paramLabel = "TYPE", arity = "0..*", description = "Types to restore (default: all).")
        List<String> types = new ArrayList<>();

        @Option(names = "--folder-ids", split = ",", paramLabel = "ID",
                description = "Only these folders, their looks and dashboards (with access, plans and alerts).")
        List<String> folderIds = new ArrayList<>();

        @Option(names = "--recursive", description = "With --folder-ids: include the folders' whole subtrees.")
        boolean recursive;

        @Mixin
        WorkersOption workers = new WorkersOption();

        @Option(names = "--dry-run", description = "Print the pre-flight (what the content needs that the destination"
                + " lacks: LookML models and explores, their connections, owners of folders, schedules and alerts, and"
                + " recipients who are users; only a missing model stops a restore) and the plan; write nothing.")
        boolean dryRun;

        @Option(names = "--yes", description = "Write into a Looker that is neither the one this vault backs up"
                + " nor an earlier restore's destination without asking (a migration).")
        boolean yes;

        @Mixin
        Shared shared = new Shared();

        private final CliContext ctx;

        Bulk(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (recursive && folderIds.isEmpty()) {
                throw new CommandException(ExitCodes.USAGE, "--recursive needs --folder-ids");
            }
            Map<String, String> flags = new java.util.HashMap<>();
            workers.addTo(flags);
            io.lookervault.config.AppConfig cfg = global.loadConfig(ctx, flags);
            return shared.run(ctx, global, cfg, true, yes, w -> new RestoreOptions(RestoreOptions.Command.BULK, types,
                    List.of(), folderIds, recursive, w.run, w.asOf, cfg.extract().workers(), dryRun));
        }
    }

    /** The options single and bulk share, and the call that runs either. */
    static final class Shared {
        @ArgGroup(exclusive = true)
        When when = new When();

        @ArgGroup(exclusive = false)
        Checks checks = new Checks();

        @Mixin
        LookmlFlags lookml = new LookmlFlags();

        @Mixin
        SecretsOption secrets = new SecretsOption();

        /** Builds the options (a bad combination is a usage error) and runs the restore. */
        int run(CliContext ctx, GlobalOptions global, io.lookervault.config.AppConfig cfg, boolean bulk, boolean yes,
                java.util.function.Function<When, RestoreOptions> make) throws Exception {
            RestoreOptions o;
            try {
                o = make.apply(when);
            } catch (IllegalArgumentException e) {
                throw new CommandException(ExitCodes.USAGE, e.getMessage());
            }
            return RestoreRunner.run(ctx, global, lookml.apply(o), cfg, checks.resolve(bulk), secrets, yes);
        }
    }
}
