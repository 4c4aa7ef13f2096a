package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import io.lookervault.restore.RestoreOptions.Lookml.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LookML dashboards ({@code model::name}). Their definition lives in the LookML project's git repository and comes
 * back by deploying the project, never through the API, so what a restore brings back is their user-defined copies
 * ({@code lookml_link_id}): {@code sync} (the default) brings the copies the dashboards step restored up to date
 * with the LookML dashboard, asking Looker only for those that differ from it; {@code import} makes a linked copy in
 * each folder where the backup had one (or in {@code --lookml-into-folder}) unless one is there; {@code skip} does
 * nothing. A LookML dashboard the destination lacks (its model missing, or its project not deployed) is skipped
 * with the reason. Stateless: thread-safe.
 */
final class LookmlDashboardRestorer implements TypeRestorer {
    static final String TYPE = "lookml_dashboards";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ContentType source() {
        return ContentType.LOOKML_DASHBOARDS;
    }

    /** A LookML dashboard has the same id on every Looker whose project defines it. */
    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        return ctx.dest.getOrNull(path(doc.path("id").asText()));
    }

    @Override
    public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        List<String> notes = new ArrayList<>();
        if (ctx.lookml.mode() == Mode.SKIP) {
            notes.add("--lookml-dashboards skip");
            return outcome(sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
        }
        JsonNode lookml = ctx.dest.getOrNull(path(sourceId));
        if (lookml == null) {
            notes.add(absent(sourceId, doc, ctx));
            return outcome(sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
        }
        List<String> copies = ctx.source.idsWhere("dashboards", "lookml_link_id", sourceId);
        return ctx.lookml.mode() == Mode.SYNC ? sync(sourceId, lookml, copies, ctx, notes)
                : importCopies(sourceId, copies, ctx, notes);
    }

    /** Why the destination has no such LookML dashboard: the model is missing, or the project lacks the file. */
    private static String absent(String id, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        String model = doc.path("model").path("id").asText(id.substring(0, id.indexOf("::")));
        if (ctx.dest.getOrNull(ContentType.LOOKML_MODELS.getPath(model)) == null) {
            return "LookML model " + model + " is missing at the destination: deploy its project there, then restore again";
        }
        return "the destination's LookML project of model " + model + " has no dashboard " + id
                + ": deploy the project version that defines it, then restore again";
    }

    private static Outcome sync(String id, JsonNode lookml, List<String> copies, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        if (copies.isEmpty()) {
            notes.add("no user-defined copy was linked to it in the backup");
            return outcome(id, id, Outcome.Action.UNCHANGED, List.of(), notes);
        }
        List<String> stale = new ArrayList<>();
        for (String c : copies) {
            String dest = ctx.ids.ref("dashboards", c);
            JsonNode copy = dest == null ? null : ctx.dest.getOrNull(ContentType.DASHBOARDS.getPath(dest));
            if (copy == null) {
                notes.add("linked copy dashboards " + c + " is not at the destination (restore dashboards first)");
            } else if (!id.equals(copy.path("lookml_link_id").asText())) {
                notes.add("dashboards " + dest + " is no longer linked to it at the destination: left alone");
            } else if (!LookmlShape.same(lookml, copy)) {
                stale.add(dest);
            }
        }
        if (stale.isEmpty()) {
            return outcome(id, id, Outcome.Action.UNCHANGED, List.of(), notes);
        }
        if (!ctx.dryRun) {
            ctx.dest.patch(ContentType.LOOKML_DASHBOARDS.subPath(id, "sync"), Map.of("dashboard_ids", String.join(",", stale)), null);
        }
        notes.add("linked copies synced: dashboards " + String.join(", ", stale));
        return outcome(id, id, Outcome.Action.UPDATE, List.of("linked_copies"), notes);
    }

    private static Outcome importCopies(String id, List<String> copies, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Map<String, String> targets = targets(copies, ctx, notes); // destination folder → source copy (or "")
        if (targets.isEmpty()) {
            notes.add("no linked copy in the backup to make again: name a folder with --lookml-into-folder ID");
            return outcome(id, id, Outcome.Action.SKIPPED, List.of(), notes);
        }
        List<String> made = new ArrayList<>();
        for (Map.Entry<String, String> t : targets.entrySet()) {
            if (linkedIn(t.getKey(), id, ctx)) {
                continue;
            }
            JsonNode source = t.getValue().isEmpty() ? null : ctx.source.doc("dashboards", t.getValue()).orElse(null);
            var body = BackupSnapshot.JSON.createObjectNode();
            if (source != null) {
                body.put("title", source.path("title").asText());
            }
            made.add("folder " + t.getKey());
            if (!ctx.dryRun) {
                JsonNode created = ctx.dest.post(ContentType.LOOKML_DASHBOARDS.subPath(id, "import", t.getKey()), body);
                if (source != null) {
                    ctx.ids.map("dashboards", t.getValue(), created.path("id").asText());
                }
                notes.add("linked copy made: dashboards " + created.path("id").asText() + " in folder " + t.getKey());
            }
        }
        return made.isEmpty() ? outcome(id, id, Outcome.Action.UNCHANGED, List.of(), notes)
                : outcome(id, id, Outcome.Action.CREATE, made, notes);
    }

    private static Map<String, String> targets(List<String> copies, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Map<String, String> out = new LinkedHashMap<>();
        if (ctx.lookml.intoFolder() != null) {
            out.put(ctx.lookml.intoFolder(), "");
            return out;
        }
        for (String c : copies) {
            JsonNode doc = ctx.source.doc("dashboards", c).orElse(null);
            String folder = doc == null ? null : ctx.ids.ref("folders", doc.path("folder_id"));
            if (folder == null) {
                notes.add("the folder of linked copy dashboards " + c + " is not at the destination");
            } else {
                out.putIfAbsent(folder, c);
            }
        }
        return out;
    }

    /** Whether a folder at the destination already holds a copy linked to LookML dashboard {@code id}. */
    private static boolean linkedIn(String folder, String id, RestoreContext ctx) throws LookerException, InterruptedException {
        JsonNode list = ctx.dest.get(ContentType.FOLDERS.subPath(folder, "dashboards"), Map.of("fields", "id,lookml_link_id"));
        for (JsonNode d : list) {
            if (id.equals(d.path("lookml_link_id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String path(String id) {
        return ContentType.LOOKML_DASHBOARDS.getPath(id);
    }

    private static Outcome outcome(String id, String dest, Outcome.Action a, List<String> fields, List<String> notes) {
        return new Outcome(TYPE, id, dest, a, fields, notes);
    }
}
