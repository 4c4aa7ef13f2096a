package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folders, parents before children (in a bulk restore each folder waits for its parent). The shared, users and
 * embed roots and users' personal folders exist on every instance: they are matched (personal folders
 * through their owner), never created. Others match by name under the translated parent. Thread-safe.
 */
final class FolderRestorer extends BaseRestorer {
    FolderRestorer() {
        super(ContentType.FOLDERS);
    }

    static boolean root(JsonNode doc) {
        return doc.path("is_shared_root").asBoolean(false) || doc.path("is_users_root").asBoolean(false)
                || doc.path("is_embed_shared_root").asBoolean(false) || doc.path("is_embed_users_root").asBoolean(false);
    }

    static boolean personal(JsonNode doc) {
        return doc.path("is_personal").asBoolean(false) && !doc.path("is_personal_descendant").asBoolean(false);
    }

    @Override
    boolean readOnlyAtDestination(JsonNode doc) {
        return root(doc) || personal(doc) || doc.path("is_embed").asBoolean(false) && personal(doc);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        for (String flag : List.of("is_shared_root", "is_users_root", "is_embed_shared_root", "is_embed_users_root")) {
            if (doc.path(flag).asBoolean(false)) {
                JsonNode found = ctx.dest.get(contentType.listPath(), Map.of(flag, "true"));
                return found.size() > 0 ? found.get(0) : null;
            }
        }
        if (personal(doc)) {
            String owner = ctx.ids.ref("users", doc.path("creator_id"));
            if (owner == null) {
                return null;
            }
            JsonNode user = ctx.dest.getOrNull(ContentType.USERS.getPath(owner));
            String pf = user == null ? null : JsonFields.text(user, "personal_folder_id");
            return pf == null ? null : ctx.dest.getOrNull(path(pf));
        }
        String parent = ctx.ids.ref("folders", doc.path("parent_id"));
        if (parent == null) {
            return null;
        }
        JsonNode found = ctx.dest.get(contentType.listPath(), Map.of("name", JsonFields.text(doc, "name"), "parent_id", parent));
        return exact(found, "name", JsonFields.text(doc, "name"));
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        ObjectNode b = ctx.write.body("CreateFolder", doc);
        translate(b, "parent_id", "folders", ctx, notes);
        if (!b.has("parent_id") && !ctx.dryRun) {
            throw new RestoreException("parent folder " + doc.path("parent_id").asText()
                    + " is not at the destination; restore it first");
        }
        return b;
    }

    /** Ids grouped by depth in the backed-up tree, roots first: handed out in this order, parents come first. */
    static List<List<String>> byDepth(List<String> ids, BackupSnapshot source) {
        Map<String, String> parent = new HashMap<>();
        for (String id : ids) {
            source.doc("folders", id).ifPresent(d -> parent.put(id, JsonFields.text(d, "parent_id")));
        }
        Map<Integer, List<String>> levels = new java.util.TreeMap<>();
        for (String id : ids) {
            int depth = 0;
            for (String p = parent.get(id); p != null && parent.containsKey(p) && depth < 1000; p = parent.get(p)) {
                depth++;
            }
            levels.computeIfAbsent(depth, k -> new ArrayList<>()).add(id);
        }
        return new ArrayList<>(levels.values());
    }
}
