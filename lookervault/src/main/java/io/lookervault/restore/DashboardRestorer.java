package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ConflictException;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dashboards by the object route of NOTES §10.2: the dashboard, then filters, elements (queries first) and
 * layouts with their components. Onto an existing dashboard, matching parts are updated in place, missing
 * ones created and only those the backup lacks deleted ({@link DashboardParts}). Matched by id map, id,
 * slug, then title in the folder; a taken slug is dropped on 409 as gzr does. Thread-safe.
 */
final class DashboardRestorer extends BaseRestorer {
    DashboardRestorer() {
        super(ContentType.DASHBOARDS);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        String slug = JsonFields.text(doc, "slug");
        // search leaves the trash out unless asked: a trashed dashboard is looked for among trashed ones
        String deleted = Boolean.toString(doc.path("deleted").asBoolean(false));
        if (slug != null) {
            JsonNode hit = exact(ctx.dest.get(contentType.listPath(), Map.of("slug", slug, "deleted", deleted)), "slug", slug);
            if (hit != null) {
                return ctx.dest.getOrNull(path(hit.path("id").asText()));
            }
        }
        String folder = ctx.ids.ref("folders", doc.path("folder_id"));
        if (folder == null) {
            return null;
        }
        String title = JsonFields.text(doc, "title");
        JsonNode hit = exact(ctx.dest.get(contentType.listPath(), Map.of("title", title, "folder_id", folder, "deleted",
                deleted)), "title", title);
        return hit == null ? null : ctx.dest.getOrNull(path(hit.path("id").asText()));
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        ObjectNode b = ctx.write.body("Dashboard", doc);
        b.remove("folder");
        translate(b, "folder_id", "folders", ctx, notes);
        LookRestorer.owner(b, "user_id", doc, ctx, notes);
        return b;
    }

    @Override
    JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        try {
            return ctx.dest.create(contentType.collectionPath(), body, () -> findCreated(doc, body, ctx));
        } catch (ConflictException e) {
            if (!body.hasNonNull("slug")) {
                throw e;
            }
            notes.add("slug " + body.get("slug").asText() + " is taken at the destination; created without it");
            ObjectNode noSlug = body.deepCopy();
            noSlug.remove("slug");
            return ctx.dest.create(contentType.collectionPath(), noSlug, () -> findCreated(doc, noSlug, ctx));
        }
    }

    @Override
    void update(String destId, ObjectNode changed, ObjectNode full, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        try {
            ctx.dest.patch(path(destId), changed);
        } catch (ConflictException e) {
            if (!changed.has("slug")) {
                throw e;
            }
            notes.add("slug " + changed.get("slug").asText() + " is taken at the destination; kept the current one");
            ObjectNode noSlug = changed.deepCopy();
            noSlug.remove("slug");
            if (noSlug.size() > 0) {
                ctx.dest.patch(path(destId), noSlug);
            }
        }
    }

    @Override
    String conflict(ObjectNode body, JsonNode dest, RestoreContext ctx) throws LookerException, InterruptedException {
        String slug = JsonFields.text(body, "slug");
        if (slug == null || dest != null && slug.equals(JsonFields.text(dest, "slug"))) {
            return null;
        }
        JsonNode other = exact(ctx.dest.get(contentType.listPath(), Map.of("slug", slug)), "slug", slug);
        if (other == null || dest != null && JsonFields.same(other.path("id"), dest.path("id"))) {
            return null;
        }
        return "slug " + slug + " belongs to dashboard " + other.path("id").asText()
                + " at the destination; it would be left out";
    }

    @Override
    List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        List<String> parts = new ArrayList<>();
        DashboardParts p = new DashboardParts(ctx, destId, notes, doc);
        Map<String, String> elements = new java.util.HashMap<>();
        boolean[] changed = p.filtersAndElements(doc.path("dashboard_filters"), dest.path("dashboard_filters"),
                doc.path("dashboard_elements"), dest.path("dashboard_elements"), elements);
        if (changed[0]) {
            parts.add("filters");
        }
        if (changed[1]) {
            parts.add("elements");
        }
        JsonNode now = ctx.dryRun ? dest : ctx.dest.get(path(destId), Map.of());
        if (!ctx.dryRun && now.path("dashboard_elements").size() > elements.size()
                && p.dropTwins(now.path("dashboard_elements"), elements)) {
            now = ctx.dest.get(path(destId), Map.of());
        }
        if (p.layouts(doc.path("dashboard_layouts"), now.path("dashboard_layouts"), elements)) {
            parts.add("layouts");
        }
        return parts;
    }
}
