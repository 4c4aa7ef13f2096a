package io.lookervault.restore;

import io.lookervault.looker.ApiPath;
import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Permission sets, model sets, roles, groups and user attributes: admin objects matched by name. */
final class AdminRestorers {
    private AdminRestorers() {}

    /** An admin object matched by name through its search endpoint. */
    static class Named extends BaseRestorer {
        private final String schema;

        Named(ContentType type, String schema) {
            super(type);
            this.schema = schema;
        }

        @Override
        public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
            return search(ctx, contentType.listPath(), "name", JsonFields.text(doc, "name"));
        }

        @Override
        ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
            return ctx.write.body(schema, doc);
        }

        @Override
        boolean readOnlyAtDestination(JsonNode doc) {
            // NOTES §10.2: built-in sets answer 405 to any write
            return doc.path("built_in").asBoolean(false);
        }
    }

    static TypeRestorer permissionSets() {
        return new Named(ContentType.PERMISSION_SETS, "PermissionSet");
    }

    static TypeRestorer modelSets() {
        return new Named(ContentType.MODEL_SETS, "ModelSet");
    }

    static TypeRestorer groups() {
        return new Named(ContentType.GROUPS, "Group") {
            @Override
            boolean readOnlyAtDestination(JsonNode doc) {
                return doc.path("externally_managed").asBoolean(false);
            }
        };
    }

    /** Roles: their sets are write-only ids, translated; read back as nested objects. */
    static TypeRestorer roles() {
        return new Named(ContentType.ROLES, "Role") {
            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = ctx.write.body("Role", doc);
                b.remove("permission_set");
                b.remove("model_set");
                b.put("permission_set_id", JsonFields.text(doc.path("permission_set"), "id"));
                b.put("model_set_id", JsonFields.text(doc.path("model_set"), "id"));
                translate(b, "permission_set_id", "permission_sets", ctx, notes);
                translate(b, "model_set_id", "model_sets", ctx, notes);
                return b;
            }

            @Override
            JsonNode comparable(JsonNode dest) {
                ObjectNode c = dest.deepCopy();
                c.put("permission_set_id", JsonFields.text(dest.path("permission_set"), "id"));
                c.put("model_set_id", JsonFields.text(dest.path("model_set"), "id"));
                return c;
            }

            @Override
            boolean readOnlyAtDestination(JsonNode doc) {
                return "Admin".equals(JsonFields.text(doc, "name")) || doc.path("permission_set").path("built_in")
                        .asBoolean(false) && doc.path("model_set").path("built_in").asBoolean(false);
            }
        };
    }

    /** User attributes with their group values; system attributes are matched, never written. */
    static TypeRestorer userAttributes() {
        return new BaseRestorer(ContentType.USER_ATTRIBUTES) {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                // asked each time, not remembered: a create whose answer was lost must find its attribute
                return exact(ctx.dest.get(contentType.listPath(), Map.of()), "name", JsonFields.text(doc, "name"));
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) {
                return ctx.write.body("UserAttribute", doc);
            }

            @Override
            boolean readOnlyAtDestination(JsonNode doc) {
                return doc.path("is_system").asBoolean(false) || doc.path("is_permanent").asBoolean(false);
            }

            @Override
            List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
                    throws LookerException, InterruptedException {
                return groupValues(doc, destId, ctx, notes);
            }
        };
    }

    private static List<String> groupValues(JsonNode doc, String destId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode src = doc.path("_lookervault").path("group_values");
        if (!src.isArray()) {
            return List.of();
        }
        ArrayNode want = BackupSnapshot.JSON.createArrayNode();
        for (JsonNode v : src) {
            String g = ctx.ids.ref("groups", v.path("group_id"));
            if (g == null) {
                notes.add("group value for group " + v.path("group_id").asText() + ": group not at the destination");
                continue;
            }
            want.addObject().put("group_id", g).put("value", JsonFields.text(v, "value"));
        }
        JsonNode have = destId == null ? BackupSnapshot.JSON.createArrayNode()
                : ctx.dest.get(ApiPath.of("user_attributes", destId, "group_values"), Map.of());
        if (want.size() < src.size()) {
            // the POST replaces every value: keep the destination's values of groups the backup could not name
            Set<String> named = new HashSet<>();
            want.forEach(v -> named.add(v.path("group_id").asText()));
            have.forEach(v -> {
                if (!named.contains(v.path("group_id").asText())) {
                    want.addObject().put("group_id", v.path("group_id").asText()).put("value", JsonFields.text(v, "value"));
                }
            });
            notes.add("group values only added or changed, none removed: a group of the backup is not at the destination");
        }
        if (pairs(want).equals(pairs(have))) {
            return List.of();
        }
        if (!ctx.dryRun) {
            // the POST replaces every group value; array order is the priority (NOTES §4)
            ctx.dest.post(ApiPath.of("user_attributes", destId, "group_values"), want);
        }
        return List.of("group_values");
    }

    private static List<String> pairs(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.path("group_id").asText() + "=" + v.path("value").asText()));
        return out;
    }

    /** Role → groups, after groups exist: PUT replaces the whole list, so it is sent only when it differs. */
    static List<String> roleGroups(JsonNode role, String destRoleId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Set<String> want = new HashSet<>();
        for (JsonNode g : role.path("_lookervault").path("group_ids")) {
            String d = ctx.ids.ref("groups", g.asText());
            if (d == null) {
                notes.add("role group " + g.asText() + " not at the destination");
            } else {
                want.add(d);
            }
        }
        Set<String> have = new HashSet<>();
        ctx.dest.get(ApiPath.of("roles", destRoleId, "groups"), Map.of("fields", "id")).forEach(g -> have.add(g.path("id").asText()));
        if (want.size() < role.path("_lookervault").path("group_ids").size()) {
            // the PUT replaces the whole list: a group that failed must not cost the role its other groups
            want.addAll(have);
            notes.add("role groups only added, none removed: a group of the backup is not at the destination");
        }
        if (want.equals(have)) {
            return List.of();
        }
        if (!ctx.dryRun) {
            ArrayNode ids = BackupSnapshot.JSON.createArrayNode();
            want.stream().sorted(BackupSnapshot::compareIds).forEach(ids::add);
            ctx.dest.put(ApiPath.of("roles", destRoleId, "groups"), ids);
        }
        return List.of("groups");
    }

    /** Group → member groups, after every group exists (added, never removed: membership is additive). */
    static List<String> groupGroups(JsonNode group, String destGroupId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Set<String> have = new HashSet<>();
        ctx.dest.get(ApiPath.of("groups", destGroupId, "groups"), Map.of()).forEach(g -> have.add(g.path("id").asText()));
        List<String> changed = new ArrayList<>();
        for (JsonNode g : group.path("_lookervault").path("group_ids")) {
            String d = ctx.ids.ref("groups", g.asText());
            if (d == null) {
                notes.add("member group " + g.asText() + " not at the destination");
            } else if (!have.contains(d)) {
                changed.add("groups");
                if (!ctx.dryRun) {
                    ctx.dest.post(ApiPath.of("groups", destGroupId, "groups"), BackupSnapshot.JSON.createObjectNode().put("group_id", d));
                }
            }
        }
        return changed.isEmpty() ? List.of() : List.of("groups");
    }
}
