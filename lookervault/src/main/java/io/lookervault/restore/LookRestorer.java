package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.List;
import java.util.Map;

/** Looks: the query first (create_query), then the look with the new query id, folder and owner. Thread-safe. */
final class LookRestorer extends BaseRestorer {
    LookRestorer() {
        super(ContentType.LOOKS);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        String folder = ctx.ids.ref("folders", doc.path("folder_id"));
        if (folder == null) {
            return null;
        }
        // search leaves the trash out unless asked: a trashed look is looked for among trashed ones
        JsonNode hit = exact(ctx.dest.get(contentType.listPath(), Map.of("title", JsonFields.text(doc, "title"), "folder_id", folder,
                "deleted", Boolean.toString(doc.path("deleted").asBoolean(false)))), "title", JsonFields.text(doc, "title"));
        return hit == null ? null : ctx.dest.getOrNull(path(hit.path("id").asText()));
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        ObjectNode b = ctx.write.body("LookWithQuery", doc);
        b.remove("query");
        b.remove("query_id");
        b.remove("folder");
        translate(b, "folder_id", "folders", ctx, notes);
        owner(b, "user_id", doc, ctx, notes);
        return b;
    }

    @Override
    JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ObjectNode withQuery = body.deepCopy();
        withQuery.put("query_id", QueryReuse.ensure(doc.path("query"), null, ctx));
        return ctx.dest.create(contentType.collectionPath(), withQuery, () -> findCreated(doc, withQuery, ctx));
    }

    /** The query id is decided against the destination's current query, so it is set once the look is located. */
    @Override
    List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode current = dest == null ? null : dest.path("query");
        String q = QueryReuse.ensure(doc.path("query"), current, ctx);
        if (q == null || current != null && q.equals(current.path("id").asText())) {
            return List.of();
        }
        if (!ctx.dryRun) {
            ctx.dest.patch(path(destId), BackupSnapshot.JSON.createObjectNode().put("query_id", q));
        }
        return List.of("query");
    }

    /** Owners are kept where they exist at the destination (matched by email); otherwise reported. */
    static void owner(ObjectNode b, String field, JsonNode doc, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        String dest = ctx.ids.ref("users", v.asText());
        if (dest != null && ctx.sameInstance && dest.equals(v.asText())) {
            // the same id in the same instance: the owner may have been deleted since the backup
            String id = dest;
            boolean exists = ctx.facts.userExists(id);
            dest = exists ? dest : null;
        }
        if (dest == null) {
            b.remove(field);
            notes.add("owner " + v.asText() + " is not a user at the destination; owner left to the destination");
        } else {
            b.put(field, dest);
        }
    }
}
