package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.IdentityGen;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Listing;
import io.lookersim.store.Relation;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Groups (nested, with members), roles (with groups and users), permission sets, model sets. Thread-safe. */
public final class GroupRoleOps extends OperationGroup {
    public GroupRoleOps(Store st, Views v) { super(st, v); }

    public void register(Api api) {
        api.on("all_groups", r -> byIds(r, st.groups, v::group, true))
                .on("search_groups", r -> Listing.list(r, spec(st.groups, Filter.of(r, "id", "id", "name", "name", "external_group_id",
                        "external_group_id", "externally_managed", "externally_managed"), v::group, true)))
                .on("group", r -> one(r, v.group(need(st.groups, r.param("group_id")))))
                .on("create_group", r -> create(r, st.groups, "Group", v::group))
                .on("update_group", r -> update(r, st.groups, "group_id", "Group", v::group, false))
                .on("delete_group", r -> delete(st.groups, r.param("group_id"), false))
                .on("all_group_groups", r -> related(r, st.groupGroups.rights(gid(r)), st.groups, v::group, false))
                .on("add_group_group", r -> link(r, st.groupGroups, "group_id", st.groups, v::group))
                .on("delete_group_from_group", r -> unlink(st.groupGroups, gid(r), r.param("deleting_group_id"), st.groups))
                .on("all_group_users", r -> related(r, st.groupUsers.rights(gid(r)), st.users, v::user, true))
                .on("add_group_user", r -> link(r, st.groupUsers, "user_id", st.users, v::user))
                .on("delete_group_user", r -> unlink(st.groupUsers, gid(r), r.param("user_id"), st.users))
                .on("all_roles", r -> byIds(r, st.roles, v::role, false))
                .on("search_roles", r -> Listing.list(r, spec(st.roles, Filter.of(r, "id", "id", "name", "name"), v::role, true)))
                .on("role", r -> one(r, v.role(need(st.roles, r.param("role_id")))))
                .on("create_role", this::createRole)
                .on("update_role", r -> update(r, st.roles, "role_id", "Role", v::role, isBuiltIn(st.roles, r.param("role_id"))))
                .on("delete_role", r -> delete(st.roles, r.param("role_id"), isBuiltIn(st.roles, r.param("role_id"))))
                .on("role_groups", r -> related(r, st.roleGroups.rights(rid(r)), st.groups, v::group, false))
                .on("set_role_groups", r -> setMembers(r, st.roleGroups, st.groups, v::group))
                .on("role_users", r -> related(r, st.roleUsers.rights(rid(r)), st.users, v::user, false))
                .on("set_role_users", r -> setMembers(r, st.roleUsers, st.users, v::user))
                .on("all_permissions", r -> permissions())
                .on("all_permission_sets", r -> Listing.list(r, spec(st.permSets, Filter.of(r), ps -> Shaper.shape("PermissionSet", ps), false)))
                .on("search_permission_sets", r -> Listing.list(r, spec(st.permSets, Filter.of(r, "id", "id", "name", "name", "all_access",
                        "all_access", "built_in", "built_in"), ps -> Shaper.shape("PermissionSet", ps), true)))
                .on("permission_set", r -> one(r, Shaper.shape("PermissionSet", need(st.permSets, r.param("permission_set_id")))))
                .on("create_permission_set", r -> create(r, st.permSets, "PermissionSet", ps -> Shaper.shape("PermissionSet", ps)))
                .on("update_permission_set", r -> update(r, st.permSets, "permission_set_id", "PermissionSet",
                        ps -> Shaper.shape("PermissionSet", ps), isBuiltIn(st.permSets, r.param("permission_set_id"))))
                .on("delete_permission_set", r -> delete(st.permSets, r.param("permission_set_id"), isBuiltIn(st.permSets, r.param("permission_set_id"))))
                .on("all_model_sets", r -> Listing.list(r, spec(st.modelSets, Filter.of(r), ms -> Shaper.shape("ModelSet", ms), false)))
                .on("search_model_sets", r -> Listing.list(r, spec(st.modelSets, Filter.of(r, "id", "id", "name", "name", "all_access",
                        "all_access", "built_in", "built_in"), ms -> Shaper.shape("ModelSet", ms), true)))
                .on("model_set", r -> one(r, Shaper.shape("ModelSet", need(st.modelSets, r.param("model_set_id")))))
                .on("create_model_set", r -> create(r, st.modelSets, "ModelSet", ms -> Shaper.shape("ModelSet", ms)))
                .on("update_model_set", r -> update(r, st.modelSets, "model_set_id", "ModelSet",
                        ms -> Shaper.shape("ModelSet", ms), isBuiltIn(st.modelSets, r.param("model_set_id"))))
                .on("delete_model_set", r -> delete(st.modelSets, r.param("model_set_id"), isBuiltIn(st.modelSets, r.param("model_set_id"))));
    }

    private long gid(ApiRequest r) { return id(JsonNodes.text(need(st.groups, r.param("group_id")), "id")); }

    private long rid(ApiRequest r) { return id(JsonNodes.text(need(st.roles, r.param("role_id")), "id")); }

    private Listing.Spec spec(ItemTable t, Filter f, Function<ObjectNode, ObjectNode> render, boolean pageable) {
        return new Listing.Spec(t, false, Trash.ANY, f, null, render, pageable);
    }

    /** Roles: Admin (id 1) is built in; sets: the `built_in` flag. Built-ins answer 405 to writes. */
    private boolean isBuiltIn(ItemTable t, String id) {
        ObjectNode n = t.get(id);
        if (n == null) return false;
        return t == st.roles ? id(id) == 1 && !t.isOverridden(1) || n.path("built_in").asBoolean() : n.path("built_in").asBoolean();
    }

    private ApiResponse byIds(ApiRequest r, ItemTable t, Function<ObjectNode, ObjectNode> render, boolean pageable) {
        List<String> ids = ApiRequest.csv(r.q("ids"));
        if (ids.isEmpty()) return Listing.list(r, spec(t, Filter.of(r), render, pageable));
        List<ObjectNode> out = new ArrayList<>();
        for (String id : ids) if (t.get(id) != null) out.add(t.get(id));
        return Listing.ofList(r, out, render, pageable);
    }

    private ApiResponse related(ApiRequest r, Iterable<Long> ids, ItemTable t, Function<ObjectNode, ObjectNode> render, boolean pageable) {
        List<ObjectNode> out = new ArrayList<>();
        for (long id : ids) if (t.get(id) != null) out.add(t.get(id));
        return Listing.ofList(r, out, render, pageable);
    }

    private void nameFree(ItemTable t, String name, long self) {
        for (long i = 1; i <= t.maxId(); i++) {
            ObjectNode n = t.get(i);
            if (i != self && n != null && name.equalsIgnoreCase(JsonNodes.text(n, "name"))) throw ApiError.conflict("Name already exists");
        }
    }

    private ApiResponse create(ApiRequest r, ItemTable t, String schema, Function<ObjectNode, ObjectNode> render) {
        JsonNode b = body(r);
        require(b, "name");
        return st.write(() -> {
            nameFree(t, b.get("name").asText(), -1);
            long id = t.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("all_access", false).put("built_in", false);
            Shaper.mergeWritable(schema, b, n);
            n.set("can", JsonNodes.obj().put("show", true).put("index", true).put("update", true).put("delete", true));
            t.put(id, n);
            return one(r, render.apply(n));
        });
    }

    private ApiResponse createRole(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "name");
        return st.write(() -> {
            nameFree(st.roles, b.get("name").asText(), -1);
            long id = st.roles.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("internal", false);
            setSets(b, n);
            n.put("name", b.get("name").asText()).put("url", "/api/4.0/roles/" + id).put("users_url", "/api/4.0/roles/" + id + "/users");
            n.set("can", JsonNodes.obj().put("show", true).put("index", true).put("update", true));
            st.roles.put(id, n);
            return one(r, v.role(n));
        });
    }

    private void setSets(JsonNode b, ObjectNode n) {
        String ps = b.hasNonNull("permission_set_id") ? b.get("permission_set_id").asText() : JsonNodes.text(b.path("permission_set"), "id");
        String ms = b.hasNonNull("model_set_id") ? b.get("model_set_id").asText() : JsonNodes.text(b.path("model_set"), "id");
        if (ps != null) {
            if (st.permSets.get(ps) == null) throw ApiError.validation("permission_set_id", "invalid", "Permission set not found");
            n.put("permission_set_id", ps);
        }
        if (ms != null) {
            if (st.modelSets.get(ms) == null) throw ApiError.validation("model_set_id", "invalid", "Model set not found");
            n.put("model_set_id", ms);
        }
    }

    private ApiResponse update(ApiRequest r, ItemTable t, String param, String schema, Function<ObjectNode, ObjectNode> render, boolean builtIn) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(t, r.param(param)).deepCopy();
            if (builtIn) throw ApiError.notAllowed("Resource Can't Be Modified");
            if (b.hasNonNull("name")) nameFree(t, b.get("name").asText(), id(JsonNodes.text(n, "id")));
            if (t == st.roles) {
                setSets(b, n);
                if (b.hasNonNull("name")) n.put("name", b.get("name").asText());
            } else {
                Shaper.mergeWritable(schema, b, n);
            }
            t.put(id(JsonNodes.text(n, "id")), n);
            return one(r, render.apply(n));
        });
    }

    private ApiResponse delete(ItemTable t, String id, boolean builtIn) {
        return st.write(() -> {
            need(t, id);
            if (builtIn) throw ApiError.notAllowed("Resource Can't Be Modified");
            t.remove(id(id));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse link(ApiRequest r, Relation rel, String field, ItemTable target, Function<ObjectNode, ObjectNode> render) {
        JsonNode b = body(r);
        require(b, field);
        return st.write(() -> {
            long g = gid(r);
            ObjectNode other = target.get(b.get(field).asText());
            if (other == null) throw ApiError.notFound();
            if (target == st.groups && id(JsonNodes.text(other, "id")) == g) throw ApiError.validation(field, "invalid", "A group cannot contain itself");
            rel.add(g, id(JsonNodes.text(other, "id")));
            return one(r, render.apply(other));
        });
    }

    private ApiResponse unlink(Relation rel, long left, String right, ItemTable target) {
        return st.write(() -> {
            need(target, right);
            if (!rel.rights(left).contains(id(right))) throw ApiError.notFound();
            rel.remove(left, id(right));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse setMembers(ApiRequest r, Relation rel, ItemTable target, Function<ObjectNode, ObjectNode> render) {
        JsonNode b = r.body();
        if (b == null || !b.isArray()) throw ApiError.validation("body", "invalid", "Expected an array of ids");
        return st.write(() -> {
            long role = rid(r);
            List<Long> ids = new ArrayList<>();
            for (JsonNode x : b) {
                if (target.get(x.asText()) == null) throw ApiError.validation("ids", "invalid", x.asText() + " not found");
                ids.add(id(x.asText()));
            }
            rel.setRights(role, ids);
            return related(r, rel.rights(role), target, render, false);
        });
    }

    private ApiResponse permissions() {
        com.fasterxml.jackson.databind.node.ArrayNode a = JsonNodes.arr();
        for (String p : IdentityGen.PERMISSIONS) {
            ObjectNode n = JsonNodes.obj().put("permission", p).put("parent", p.equals("access_data") ? null : "access_data")
                    .put("description", "Allows " + p.replace('_', ' '));
            n.set("can", JsonNodes.obj().put("show", true));
            a.add(Shaper.shape("Permission", n));
        }
        return ApiResponse.ok(a);
    }
}
