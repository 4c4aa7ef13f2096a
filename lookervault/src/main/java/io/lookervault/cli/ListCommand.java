package io.lookervault.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.FolderPaths;
import io.lookervault.inspect.TimeArgs;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.ItemQuery;
import io.lookervault.vault.StoredItem;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "list", sortOptions = false,
        description = "List the stored items of one type: id, title or name, folder path, owner, updated_at, size"
                + " and status (stored, trashed in Looker, deleted from Looker, failed in the last run).",
        footerHeading = "%nExamples:%n",
        footer = {"  lookervault list dashboards",
                "  lookervault list looks --folder-id 12 --recursive --owner 7",
                "  lookervault list dashboards --deleted              # gone from Looker or in its trash",
                "  lookervault list dashboards --changed-since 2026-03-01 --search sales",
                "  lookervault list users --limit 100 --offset 200 --output json"})
final class ListCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions global;

    @Parameters(index = "0", paramLabel = "TYPE", description = "Content type: ${COMPLETION-CANDIDATES}",
            completionCandidates = ExtractCommand.TypeKeys.class)
    private String type;

    @Option(names = "--folder-id", split = ",", paramLabel = "ID",
            description = "Only items in these folders (for folders: their subfolders).")
    private List<String> folderIds = new ArrayList<>();

    @Option(names = "--recursive", description = "With --folder-id: include the folders' whole subtrees.")
    private boolean recursive;

    @Option(names = "--owner", paramLabel = "ID|EMAIL", description = "Only items owned by this user (id or email).")
    private String owner;

    @Option(names = "--deleted", description = "Only items deleted from Looker (kept in the vault) or in Looker's trash.")
    private boolean deleted;

    @Option(names = "--changed-since", paramLabel = "DATE[TIME]",
            description = "Only items changed since then (UTC unless a zone is given).")
    private String changedSince;

    @Option(names = "--search", paramLabel = "TEXT", description = "Title/name contains TEXT (any case), or id is TEXT.")
    private String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N items (default 50).")
    private int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N items.")
    private long offset;

    private final CliContext ctx;

    ListCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ContentType t = InspectSupport.type(type);
        if (recursive && folderIds.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, "--recursive needs --folder-id");
        }
        if (limit < 1 || offset < 0) {
            throw new CommandException(ExitCodes.USAGE, "--limit must be at least 1 and --offset at least 0");
        }
        try (VaultReader reader = InspectSupport.open(global, ctx)) {
            FolderPaths folders = new FolderPaths(reader.folders());
            ItemQuery q = query(reader, folders, t);
            List<StoredItem> items = reader.items(q);
            long total = reader.count(q);
            Map<String, String> owners = ownerNames(reader, items);
            if (global.json()) {
                JsonOutput.print(ctx.out(), json(t, items, total, folders, owners));
            } else {
                render(items, total, folders, owners);
            }
            return ExitCodes.OK;
        } catch (VaultException e) {
            throw InspectSupport.damaged(e);
        }
    }

    private ItemQuery query(VaultReader reader, FolderPaths folders, ContentType t) {
        Set<String> inFolders = folderIds.isEmpty() ? null : folders.scope(folderIds, recursive);
        Set<String> owners = null;
        if (owner != null) {
            owners = new HashSet<>(List.of(owner));
            if (owner.contains("@")) {
                owners = new HashSet<>(reader.userIdsByEmail(owner));
            }
        }
        String since;
        try {
            since = changedSince == null ? null : TimeArgs.instant(changedSince, false);
        } catch (IllegalArgumentException e) {
            throw new CommandException(ExitCodes.USAGE, "--changed-since: " + e.getMessage());
        }
        return new ItemQuery(t.key(), inFolders, owners, deleted, since, search, limit, offset);
    }

    /** Owner id → display name, for the owners on this page only. */
    private static Map<String, String> ownerNames(VaultReader reader, List<StoredItem> items) {
        Map<String, String> out = new HashMap<>();
        for (StoredItem i : items) {
            if (i.owner() != null && !out.containsKey(i.owner())) {
                out.put(i.owner(), reader.item("users", i.owner()).map(StoredItem::title).orElse(null));
            }
        }
        return out;
    }

    private static String ownerLabel(String id, Map<String, String> names) {
        if (id == null) {
            return "";
        }
        String name = names.get(id);
        return name == null ? id : name + " (" + id + ")";
    }

    private void render(List<StoredItem> items, long total, FolderPaths folders, Map<String, String> owners) {
        TextTable t = TextTable.of("ID", "TITLE", "FOLDER", "OWNER", "UPDATED", "SIZE", "STATUS");
        for (StoredItem i : items) {
            t.row(i.id(), i.title(), folders.path(i.folderId()), ownerLabel(i.owner(), owners), InspectSupport.time(i.updatedAt()),
                    InspectSupport.size(i.sizeBytes()), i.status() + (i.deletedRun() > 0 ? " (run " + i.deletedRun() + ")" : ""));
        }
        t.render(ctx.out(), TextTable.width(ctx.env()));
        long last = offset + items.size();
        ctx.out().println(items.isEmpty() ? "No " + type + " match (" + total + " in all with these filters)."
                : "Showing " + (offset + 1) + "-" + last + " of " + total + (last < total
                ? "; --offset " + last + " for more." : "."));
    }

    private ObjectNode json(ContentType t, List<StoredItem> items, long total, FolderPaths folders,
                            Map<String, String> owners) {
        ObjectNode root = JsonOutput.object();
        root.put("type", t.key()).put("total", total).put("offset", offset).put("limit", limit);
        ArrayNode out = root.putArray("items");
        for (StoredItem i : items) {
            ObjectNode n = out.addObject();
            n.put("id", i.id()).put("title", i.title()).put("folder_id", i.folderId())
                    .put("folder_path", i.folderId() == null ? null : folders.path(i.folderId()))
                    .put("owner_id", i.owner()).put("owner", owners.get(i.owner())).put("updated_at", i.updatedAt())
                    .put("size_bytes", i.sizeBytes()).put("status", i.status())
                    .put("last_seen_run", i.lastSeenRun());
            if (i.deletedRun() > 0) {
                n.put("deleted_run", i.deletedRun());
            }
        }
        return root;
    }
}
