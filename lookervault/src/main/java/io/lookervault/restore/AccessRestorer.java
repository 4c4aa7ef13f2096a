package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import io.lookervault.looker.ApiPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ConflictException;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Content access of folders (what the backup holds: their content_metadata and accesses), after all content
 * exists: {@code inherits}, then grants to groups and users (translated), creating missing ones and deleting
 * those the backup lacks. The access bodies are all read-only in the spec and are sent as they are (NOTES
 * §5 quirk). Thread-safe.
 */
final class AccessRestorer implements TypeRestorer {
    @Override
    public String type() {
        return "content_access";
    }

    @Override
    public ContentType source() {
        return ContentType.FOLDERS;
    }

    @Override
    public JsonNode findExisting(JsonNode sourceDoc, RestoreContext ctx) {
        return null;
    }

    @Override
    public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        List<String> notes = new ArrayList<>();
        JsonNode extra = doc.path("_lookervault");
        String folder = ctx.ids.ref("folders", sourceId);
        JsonNode dest = folder == null ? null : ctx.dest.getOrNull(ContentType.FOLDERS.getPath(folder));
        if (!extra.path("content_metadata").isObject() || dest == null) {
            notes.add(dest == null ? "folder not at the destination" : "no content access in the backup");
            return new Outcome(type(), sourceId, folder, Outcome.Action.SKIPPED, List.of(), notes);
        }
        String cm = dest.path("content_metadata_id").asText();
        List<String> parts = new ArrayList<>();
        JsonNode haveMeta = ctx.dest.get(ApiPath.of("content_metadata", cm), Map.of());
        boolean inherits = extra.path("content_metadata").path("inherits").asBoolean(true);
        if (haveMeta.path("inherits").asBoolean(true) != inherits) {
            parts.add("inherits");
            if (!ctx.dryRun) {
                ctx.dest.patch(ApiPath.of("content_metadata", cm), BackupSnapshot.JSON.createObjectNode().put("inherits", inherits));
            }
        }
        if (grants(extra.path("content_metadata_accesses"), cm, ctx, notes)) {
            parts.add("accesses");
        }
        return new Outcome(type(), sourceId, folder, parts.isEmpty() ? Outcome.Action.UNCHANGED
                : Outcome.Action.UPDATE, parts, notes);
    }

    private boolean grants(JsonNode source, String cm, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        // a list, not a map: an instance may hold two grants for the same group or user
        List<JsonNode> have = new ArrayList<>();
        ctx.dest.get("/content_metadata_access", Map.of("content_metadata_id", cm)).forEach(have::add);
        boolean changed = false;
        boolean incomplete = false;
        for (JsonNode a : source) {
            String group = ctx.ids.ref("groups", a.path("group_id"));
            String user = ctx.ids.ref("users", a.path("user_id"));
            if (group == null && user == null) {
                notes.add("access for " + a.path("group_id").asText(a.path("user_id").asText())
                        + ": group/user not at the destination");
                incomplete = true;
                continue;
            }
            String permission = a.path("permission_type").asText();
            JsonNode current = take(have, key(group, user), permission);
            if (current != null && permission.equals(current.path("permission_type").asText())) {
                continue;
            }
            changed = true;
            if (ctx.dryRun) {
                continue;
            }
            ObjectNode b = BackupSnapshot.JSON.createObjectNode().put("content_metadata_id", cm).put("permission_type", permission);
            if (group != null) {
                b.put("group_id", group);
            } else {
                b.put("user_id", user);
            }
            if (current == null) {
                create(cm, b, ctx);
            } else {
                ctx.dest.put(ApiPath.of("content_metadata_access", current.path("id").asText()), b);
            }
        }
        if (incomplete && !have.isEmpty()) {
            // an extra grant may be the very one whose group or user failed to come back: never remove access
            // for a failure elsewhere
            notes.add(have.size() + " grant(s) at the destination kept: the backup's list is not complete here");
            have.clear();
        }
        for (JsonNode extra : have) {
            changed = true;
            if (!ctx.dryRun) {
                ctx.dest.delete(ApiPath.of("content_metadata_access", extra.path("id").asText()));
            }
        }
        return changed;
    }

    /**
     * Creates a grant. A create retried after its answer was lost (a reset, a 5xx from a proxy) meets the
     * grant it already made and gets 409: that grant is then brought to the wanted permission instead.
     */
    private static void create(String cm, ObjectNode body, RestoreContext ctx) throws LookerException, InterruptedException {
        try {
            ctx.dest.post("/content_metadata_access", body);
        } catch (ConflictException e) {
            List<JsonNode> now = new ArrayList<>();
            ctx.dest.get("/content_metadata_access", Map.of("content_metadata_id", cm)).forEach(now::add);
            String permission = body.path("permission_type").asText();
            JsonNode twin = take(now, key(JsonFields.text(body, "group_id"), JsonFields.text(body, "user_id")), permission);
            if (twin == null) {
                throw e;
            }
            if (!permission.equals(twin.path("permission_type").asText())) {
                ctx.dest.put(ApiPath.of("content_metadata_access", twin.path("id").asText()), body);
            }
        }
    }

    /** Removes and returns the grant for the same group/user, one with the same permission first. */
    private static JsonNode take(List<JsonNode> have, String key, String permission) {
        JsonNode pick = null;
        for (JsonNode a : have) {
            if (key.equals(key(JsonFields.text(a, "group_id"), JsonFields.text(a, "user_id")))
                    && (pick == null || permission.equals(a.path("permission_type").asText()))) {
                pick = a;
            }
        }
        have.remove(pick);
        return pick;
    }

    private static String key(String group, String user) {
        return group != null ? "g" + group : "u" + user;
    }
}
