package io.lookervault.cli;

import io.lookervault.config.AppConfig;
import io.lookervault.config.LookerSettings;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.job.RunMode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultLock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Back up all (or the named) content types of a Looker instance into the vault.",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault extract                         # everything, 8 workers, resumes an unfinished run",
                "  lookervault extract dashboards looks --workers 16",
                "  lookervault extract --incremental           # nightly: only new/changed items, deletions",
                "  lookervault extract --folder-ids 12,40 --recursive --include-deleted",
                "  lookervault --output json extract -q        # one JSON summary on stdout",
                "  lookervault extract users --allow-mass-deletion  # after really deleting many users",
                "  lookervault extract --incremental --snapshot   # nightly, then push to snapshot_url off-site",
                "  lookervault extract --rate-limit-per-second 5 --workers 2   # a fragile Looker: fixed, gentle",
                "", "Exit codes: 0 ok, 2 usage/config, vault in use by another job or backing up another Looker, 3 cannot connect/login, 4 some items failed or a listing was refused (listed),"
                        + " 130 interrupted (rerun resumes)."})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "TYPE", arity = "0..*", description = "Content types (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = TypeKeys.class)
    List<String> types = new ArrayList<>();

    @Mixin
    WorkersOption workers = new WorkersOption();

    @Option(names = "--batch-size", paramLabel = "N", description = "List page size (default 100).")
    Integer batchSize;

    @Option(names = "--rate-limit-per-second", paramLabel = "R", description = "Shared request rate: auto (default:"
            + " requests in flight follow Looker's latency and 429s, up to --workers), a fixed ceiling per second,"
            + " or 0 for none.")
    String ratePerSecond;

    @Option(names = "--rate-limit-per-minute", paramLabel = "R", description = "Shared request cap per minute (0: none).")
    Integer ratePerMinute;

    @Option(names = "--max-retries", paramLabel = "N", description = "Retries of a transient failure (default 5).")
    Integer maxRetries;

    @Option(names = "--folder-ids", split = ",", paramLabel = "ID", description = "Only dashboards, looks and folders in these folders.")
    List<String> folderIds = new ArrayList<>();

    @Option(names = "--recursive", description = "With --folder-ids: include the folders' whole subtrees.")
    boolean recursive;

    @Option(names = "--include-deleted", description = "Also back up trashed dashboards and looks.")
    boolean includeDeleted;

    @Option(names = "--incremental", description = "Fetch only items new or changed since the last run (by"
            + " updated_at or list row). Changes made only to a user's attribute values or a folder's access list"
            + " need a full run.")
    boolean incremental;

    @Option(names = "--allow-mass-deletion", description = "Record deletions even when a listing would mark more"
            + " than 20%% (and at least 10) of a type's stored items deleted; without it such a type ends incomplete"
            + " (exit 4) and nothing is marked deleted.")
    boolean allowMassDeletion;

    @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Resume an unfinished run (default); --no-resume starts a new run.")
    boolean resume = true;

    @Option(names = "--snapshot", description = "After a successful run, push the vault to the snapshot store"
            + " (snapshot_url under [snapshot]; see snapshot push). A failed push is exit 4; the run is kept.")
    boolean snapshot;

    private final CliContext ctx;

    ExtractCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<ContentType> selected = parseTypes(types);
        if (recursive && folderIds.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, "--recursive needs --folder-ids");
        }
        AppConfig cfg = global.loadConfig(ctx, flags());
        ExtractOptions options;
        try {
            options = new ExtractOptions(selected, cfg.extract().workers(), cfg.extract().batchSize(), folderIds,
                    recursive, includeDeleted, incremental ? RunMode.INCREMENTAL : RunMode.FULL, allowMassDeletion);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage());
        }
        if (snapshot && cfg.snapshot().url().isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, "--snapshot needs snapshot_url under [snapshot] in"
                    + " lookervault.toml (or env LOOKERVAULT_SNAPSHOT_URL)");
        }
        int code;
        try (VaultLock lock = VaultLock.acquire(cfg.db(), "extract", Clock.systemUTC());
             LookerClient api = LookerClient.create(cfg.looker(), cfg.resilience().withMaxInFlight(options.workers()));
             Vault vault = Vault.open(cfg.db())) {
            String url = cfg.looker().baseUrl().orElseThrow();
            requireSameInstance(vault, cfg.db(), url);
            code = ExtractRun.run(ctx, global, api, vault, url, options, resume);
        }
        return snapshot ? pushAfter(cfg, code) : code;
    }

    /** {@code --snapshot}: push a successful run; its summary goes to stderr so stdout keeps one JSON document. */
    private int pushAfter(AppConfig cfg, int code) {
        if (code != ExitCodes.OK) {
            ctx.err().println("lookervault: not pushing a snapshot: the run did not complete cleanly");
            return code;
        }
        try {
            var r = SnapshotPushCommand.pushQuietly(ctx, global, cfg);
            if (!global.quiet()) {
                ctx.err().println("snapshot " + r.manifest().id() + " pushed: " + r.newDocuments() + " new documents, "
                        + SnapshotSupport.mb(r.uploadedBytes()) + " uploaded");
            }
            return ExitCodes.OK;
        } catch (Exception e) {
            ctx.err().println("lookervault: the run is kept, but the snapshot push failed: " + e.getMessage());
            return ExitCodes.PARTIAL;
        }
    }

    /**
     * One vault backs up one Looker: items are keyed by their Looker ids, so a second instance's run would
     * mark the first one's items deleted and interleave their histories.
     */
    static void requireSameInstance(Vault vault, java.nio.file.Path db, String url) {
        for (var run : vault.runs()) {
            if (!LookerSettings.sameInstance(run.baseUrl(), url)) {
                throw new CommandException(ExitCodes.USAGE, "vault " + db + " holds backups of " + run.baseUrl()
                        + ", not of " + url + ": one vault backs up one Looker (items are keyed by their Looker"
                        + " ids); give this one its own vault with --db");
            }
        }
    }

    private Map<String, String> flags() {
        Map<String, String> f = new HashMap<>();
        workers.addTo(f);
        f.put("batch_size", batchSize == null ? null : batchSize.toString());
        f.put("rate_limit_per_second", ratePerSecond);
        f.put("rate_limit_per_minute", ratePerMinute == null ? null : ratePerMinute.toString());
        f.put("max_retries", maxRetries == null ? null : maxRetries.toString());
        return f;
    }

    static List<ContentType> parseTypes(List<String> keys) {
        List<ContentType> out = new ArrayList<>();
        for (String k : keys) {
            out.add(ContentType.fromKey(k).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                    "unknown content type '" + k + "'; one of: " + String.join(", ", new TypeKeys()))));
        }
        return out;
    }

    /** The type keys, for help and completion. */
    static final class TypeKeys extends ArrayList<String> {
        TypeKeys() {
            super(Arrays.stream(ContentType.values()).map(ContentType::key).collect(Collectors.toList()));
        }
    }
}
