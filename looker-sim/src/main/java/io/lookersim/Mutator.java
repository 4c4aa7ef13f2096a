package io.lookersim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.ops.Operations;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Content changes between runs for tests (edit, add, trash, delete N items of a type, or given ids). Chooses items
 * deterministically (evenly spread over the id range), so the same calls on the same seed touch the same items.
 */
final class Mutator {
    private final Store st;
    private final Operations.Wired ops;

    Mutator(Store st, Operations.Wired ops) {
        this.st = st;
        this.ops = ops;
    }

    List<String> mutate(String type, String action, int count, List<String> ids) {
        ItemTable t = st.table(type);
        if (t == null) throw new IllegalArgumentException("unknown type " + type);
        return st.write(() -> {
            List<String> targets = ids != null && !ids.isEmpty() ? ids : action.equals("add") ? List.of() : pick(t, count, action);
            List<String> done = new ArrayList<>();
            if (action.equals("add")) {
                for (int i = 0; i < count; i++) done.add(add(t));
                return done;
            }
            for (String id : targets) {
                ObjectNode n = t.get(id);
                if (n == null) continue;
                long key = ItemTable.parseId(id);
                switch (action) {
                    case "edit" -> t.put(key, edited(n));
                    case "trash" -> {
                        if (!n.has("deleted")) throw new IllegalArgumentException(type + " cannot be trashed");
                        t.put(key, edited(n).put("deleted", true).put("deleted_at", st.nowIso()).put("deleter_id", "1"));
                    }
                    case "delete" -> delete(t, key);
                    default -> throw new IllegalArgumentException("unknown action " + action);
                }
                done.add(id);
            }
            return done;
        });
    }

    private List<String> pick(ItemTable t, int count, String action) {
        List<String> out = new ArrayList<>();
        long max = t.maxId();
        if (count <= 0 || max == 0) return out;
        long step = Math.max(1, max / count);
        for (long id = 1 + step / 2; id <= max && out.size() < count; id += step) {
            if (eligible(t, id)) out.add(Long.toString(id));
        }
        // Protected items (roots, personal folders, the API user) can leave gaps: fill them from the end of the range.
        for (long id = max; id >= 1 && out.size() < count; id--) {
            if (eligible(t, id) && !out.contains(Long.toString(id))) out.add(Long.toString(id));
        }
        return out;
    }

    private boolean eligible(ItemTable t, long id) {
        ObjectNode n = t.get(id);
        return n != null && !n.path("deleted").asBoolean() && !isProtected(t, id);
    }

    private boolean isProtected(ItemTable t, long id) {
        if (t == st.users) return id == 1;
        if (t == st.folders) {
            ObjectNode f = t.get(id);
            return f.path("is_personal").asBoolean() || f.path("is_shared_root").asBoolean() || f.path("is_users_root").asBoolean();
        }
        if (t == st.roles || t == st.permSets || t == st.modelSets) return id == 1;
        return false;
    }

    private ObjectNode edited(ObjectNode n) {
        ObjectNode c = n.deepCopy();
        String f = c.has("title") ? "title" : c.has("name") ? "name" : c.has("first_name") ? "first_name" : null;
        if (f != null && c.hasNonNull(f)) c.put(f, c.get(f).asText() + " (edited)");
        if (c.has("updated_at") || c.has("created_at")) c.put("updated_at", st.nowIso());
        return c;
    }

    private String add(ItemTable t) {
        long src = 1;
        while (src <= t.maxId() && (t.get(src) == null || isProtected(t, src))) src++;
        ObjectNode n = t.get(src);
        if (n == null) throw new IllegalArgumentException("nothing to copy for " + t.type);
        long id = t.newId();
        ObjectNode c = edited(n).put("id", Long.toString(id));
        if (c.has("title")) c.put("title", "Added " + t.type + " " + id);
        if (c.has("name") && !c.has("title")) c.put("name", "Added " + t.type + " " + id);
        if (c.has("slug")) c.put("slug", "added" + id);
        if (c.has("deleted")) c.put("deleted", false).putNull("deleted_at").putNull("deleter_id");
        if (c.has("email")) c.put("email", "added." + id + "@example.org");
        if (c.path("credentials_email").isObject()) ((ObjectNode) c.get("credentials_email")).put("email", "added." + id + "@example.org")
                .put("user_id", Long.toString(id));
        if (c.has("created_at")) c.put("created_at", st.nowIso());
        t.put(id, c);
        return Long.toString(id);
    }

    private void delete(ItemTable t, long id) {
        if (t == st.dashboards) ops.dashboards().deleteDashboardPublic(id);
        else if (t == st.folders) ops.folders().deleteTreePublic(id);
        else t.remove(id);
    }
}
