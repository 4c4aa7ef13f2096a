package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceLayout;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Users, their email credentials, roles and attribute values. Thread-safe. */
public final class UserOps extends OperationGroup {
    private final FolderOps folders;

    public UserOps(Store st, Views v, FolderOps folders) {
        super(st, v);
        this.folders = folders;
    }

    public void register(Api api) {
        api.on("all_users", this::all).on("search_users", this::search).on("search_users_names", this::searchNames)
                .on("user", r -> one(r, v.user(need(st.users, r.param("user_id")))))
                .on("create_user", this::create).on("update_user", this::update).on("delete_user", this::delete)
                .on("user_credentials_email", r -> {
                    JsonNode c = need(st.users, r.param("user_id")).get("credentials_email");
                    if (c == null || c.isNull()) throw ApiError.notFound();
                    return one(r, Shaper.shape("CredentialsEmail", c));
                })
                .on("create_user_credentials_email", this::createEmail)
                .on("all_user_credentials_api3s", r -> Listing.ofList(r, apiKeys(r), n -> n, false))
                .on("user_credentials_api3", r -> {
                    for (ObjectNode k : apiKeys(r)) if (r.param("credentials_api3_id").equals(JsonNodes.text(k, "id"))) return one(r, k);
                    throw ApiError.notFound();
                })
                .on("user_roles", r -> roles(r, need(st.users, r.param("user_id"))))
                .on("set_user_roles", this::setRoles)
                .on("user_attribute_user_values", this::values)
                .on("set_user_attribute_user_value", this::setValue)
                .on("delete_user_attribute_user_value", r -> st.write(() -> {
                    need(st.users, r.param("user_id"));
                    need(st.attrs, r.param("user_attribute_id"));
                    st.userValues.put(r.param("user_id") + ":" + r.param("user_attribute_id"), "\u0000");
                    return ApiResponse.noContent();
                }));
    }

    private ApiResponse all(ApiRequest r) {
        List<String> ids = ApiRequest.csv(r.q("ids"));
        if (!ids.isEmpty()) {
            List<ObjectNode> found = new ArrayList<>();
            for (String id : ids) if (st.users.get(id) != null) found.add(st.users.get(id));
            return Listing.ofList(r, found, v::user, true);
        }
        return Listing.list(r, new Listing.Spec(st.users, false, Trash.ANY, Filter.of(r), null, v::user, true));
    }

    private ApiResponse search(ApiRequest r) {
        Filter f = Filter.of(r, "id", "id", "first_name", "first_name", "last_name", "last_name", "full_name", "display_name",
                "email", "email", "is_disabled", "is_disabled", "verified_looker_employee", "verified_looker_employee",
                "can_manage_api3_creds", "can_manage_api3_creds", "is_service_account", "is_service_account");
        String group = r.q("group_id");
        java.util.function.Predicate<ObjectNode> extra = group == null ? null
                : n -> st.groupUsers.rights(id(group)).contains(id(JsonNodes.text(n, "id")));
        if (r.q("embed_user") != null && r.qBool("embed_user")) extra = n -> false;
        return Listing.list(r, new Listing.Spec(st.users, false, Trash.ANY, f, extra, v::user, true));
    }

    /**
     * Users whose first name, last name or email match the LIKE pattern, ANDed with the other search parameters
     * (spec: search_users_names); sorts and paging as every search.
     */
    private ApiResponse searchNames(ApiRequest r) {
        Filter f = Filter.of(r, "id", "id", "first_name", "first_name", "last_name", "last_name", "email", "email",
                "is_disabled", "is_disabled", "verified_looker_employee", "verified_looker_employee");
        java.util.function.Predicate<JsonNode> names = Filter.anyLike(r.param("pattern"), "first_name", "last_name", "email");
        return Listing.list(r, new Listing.Spec(st.users, false, Trash.ANY, f, names::test, v::user, true));
    }

    /** The user's API3 keys as GET /users/{id} lists them (metadata only, never a secret). */
    private List<ObjectNode> apiKeys(ApiRequest r) {
        List<ObjectNode> out = new ArrayList<>();
        v.user(need(st.users, r.param("user_id"))).path("credentials_api3").forEach(k -> out.add((ObjectNode) k));
        return out;
    }

    private ApiResponse create(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            long id = st.users.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("is_disabled", false).put("locale", "en").put("can_manage_api3_creds", false);
            Shaper.mergeWritable("User", b, n);
            n.remove("credentials_email");
            JsonNode ce = b.get("credentials_email");
            long folder = st.folders.newId();
            String name = (JsonNodes.text(n, "first_name") == null ? "" : JsonNodes.text(n, "first_name")) + " "
                    + (JsonNodes.text(n, "last_name") == null ? "" : JsonNodes.text(n, "last_name"));
            ObjectNode pf = JsonNodes.obj().put("name", name.trim().isEmpty() ? "User " + id : name.trim()).put("parent_id", s(InstanceLayout.USERS_ROOT))
                    .put("id", s(folder)).put("content_metadata_id", s(folders.newContentMeta("folder_id", folder, "space")))
                    .put("created_at", st.nowIso()).put("creator_id", s(id)).put("is_personal", true);
            pf.set("can", JsonNodes.obj().put("show", true).put("update", true));
            st.folders.put(folder, pf);
            n.put("display_name", name.trim()).put("personal_folder_id", s(folder)).put("home_folder_id", s(folder))
                    .put("url", "/api/4.0/users/" + id).put("allow_direct_roles", true).put("allow_normal_group_membership", true)
                    .put("allow_roles_from_normal_groups", true);
            n.set("can", JsonNodes.obj().put("show", true).put("index", true).put("show_details", true));
            st.users.put(id, n);
            if (ce != null && ce.hasNonNull("email")) setEmail(id, ce.get("email").asText());
            return one(r, v.user(st.users.get(id)));
        });
    }

    private ApiResponse update(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.users, r.param("user_id")).deepCopy();
            JsonNode ce = n.get("credentials_email");
            Shaper.mergeWritable("User", b, n);
            n.set("credentials_email", ce);
            n.put("display_name", (JsonNodes.text(n, "first_name") + " " + JsonNodes.text(n, "last_name")).replace("null", "").trim());
            st.users.put(id(JsonNodes.text(n, "id")), n);
            if (b.path("credentials_email").hasNonNull("email")) setEmail(id(JsonNodes.text(n, "id")), b.path("credentials_email").get("email").asText());
            return one(r, v.user(st.users.get(id(JsonNodes.text(n, "id")))));
        });
    }

    private ApiResponse delete(ApiRequest r) {
        return st.write(() -> {
            ObjectNode u = need(st.users, r.param("user_id"));
            if (JsonNodes.text(u, "id").equals(r.userId())) throw new ApiError(403, "You cannot delete yourself", null);
            String uid = JsonNodes.text(u, "id");
            // Looker: the user's schedules are deleted and their content goes to the trash.
            for (long p = 1; p <= st.plans.maxId(); p++) {
                ObjectNode plan = st.plans.get(p);
                if (plan != null && uid.equals(JsonNodes.text(plan, "user_id"))) st.plans.remove(p);
            }
            trashOwned(st.dashboards, uid);
            trashOwned(st.looks, uid);
            st.users.remove(id(uid));
            return ApiResponse.noContent();
        });
    }

    /** Trashes the user's dashboards or looks in their personal folder (a scan: user deletion is rare). */
    private void trashOwned(ItemTable t, String uid) {
        String folder = JsonNodes.text(st.users.get(uid), "personal_folder_id");
        if (folder == null) return;
        for (long id : t.children(folder)) {
            ObjectNode n = t.get(id);
            if (!n.path("deleted").asBoolean()) {
                t.put(id, n.deepCopy().put("deleted", true).put("deleted_at", st.nowIso()).put("deleter_id", "1")
                        .put("updated_at", st.nowIso()));
            }
        }
    }

    private ApiResponse createEmail(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "email");
        return st.write(() -> {
            ObjectNode u = need(st.users, r.param("user_id"));
            if (u.path("credentials_email").isObject()) throw ApiError.conflict("User already has email credentials");
            setEmail(id(JsonNodes.text(u, "id")), b.get("email").asText());
            return one(r, Shaper.shape("CredentialsEmail", st.users.get(id(JsonNodes.text(u, "id"))).get("credentials_email")));
        });
    }

    /** Caller holds the write lock. Emails are unique across users (409). */
    private void setEmail(long user, String email) {
        if (!email.contains("@")) throw ApiError.validation("email", "invalid", "Invalid email address");
        if (emailTaken(email, user)) throw ApiError.conflict("Email already in use");
        ObjectNode u = st.users.get(user).deepCopy();
        ObjectNode c = JsonNodes.obj().put("created_at", st.nowIso()).put("email", email).put("forced_password_reset_at_next_login", false)
                .put("user_id", s(user)).put("is_disabled", false).put("type", "email")
                .put("url", "/api/4.0/users/" + user + "/credentials_email").put("user_url", "/api/4.0/users/" + user);
        c.set("can", JsonNodes.obj());
        u.set("credentials_email", c);
        u.put("email", email);
        st.users.put(user, u);
    }

    /** Generated emails end with ".{id}@example.com", so a base lookup needs no scan. */
    private boolean emailTaken(String email, long self) {
        String e = email.toLowerCase();
        int at = e.indexOf("@example.com"), dot = at < 0 ? -1 : e.lastIndexOf('.', at - 1);
        if (dot > 0) {
            long u = ItemTable.parseId(e.substring(dot + 1, at));
            ObjectNode n = u == self ? null : st.users.get(u);
            if (n != null && e.equalsIgnoreCase(JsonNodes.text(n, "email"))) return true;
        }
        for (Map.Entry<Long, ObjectNode> o : st.users.overlay().entrySet()) {
            if (o.getKey() != self && e.equalsIgnoreCase(JsonNodes.text(o.getValue(), "email"))) return true;
        }
        return false;
    }

    private ApiResponse roles(ApiRequest r, ObjectNode u) {
        List<ObjectNode> out = new ArrayList<>();
        for (long role : st.roleUsers.lefts(id(JsonNodes.text(u, "id")))) if (st.roles.get(role) != null) out.add(st.roles.get(role));
        return Listing.ofList(r, out, v::role, false);
    }

    private ApiResponse setRoles(ApiRequest r) {
        JsonNode b = r.body();
        if (b == null || !b.isArray()) throw ApiError.validation("body", "invalid", "Expected an array of role ids");
        return st.write(() -> {
            ObjectNode u = need(st.users, r.param("user_id"));
            List<Long> ids = new ArrayList<>();
            for (JsonNode x : b) {
                if (st.roles.get(x.asText()) == null) throw ApiError.validation("role_ids", "invalid", "Role " + x.asText() + " not found");
                ids.add(id(x.asText()));
            }
            st.roleUsers.setLefts(id(JsonNodes.text(u, "id")), ids);
            return roles(r, u);
        });
    }

    private ApiResponse values(ApiRequest r) {
        ObjectNode u = need(st.users, r.param("user_id"));
        List<String> only = ApiRequest.csv(r.q("user_attribute_ids"));
        ArrayNode out = JsonNodes.arr();
        for (long a = 1; a <= st.attrs.maxId(); a++) {
            ObjectNode attr = st.attrs.get(a);
            if (attr == null || !only.isEmpty() && !only.contains(s(a))) continue;
            String val = value(u, attr);
            if (val == null && !r.qBool("include_unset") && !r.qBool("all_values")) continue;
            ObjectNode n = JsonNodes.obj().put("name", JsonNodes.text(attr, "name")).put("label", JsonNodes.text(attr, "label")).put("rank", (Integer) null)
                    .put("value", val).put("user_id", JsonNodes.text(u, "id")).put("user_can_edit", attr.path("user_can_edit").asBoolean())
                    .put("value_is_hidden", attr.path("value_is_hidden").asBoolean()).put("user_attribute_id", s(a))
                    .put("source", val == null ? null : "user");
            n.set("can", JsonNodes.obj().put("show", true).put("update", true));
            out.add(Listing.one(r, Shaper.shape("UserAttributeWithValue", n)));
        }
        return ApiResponse.ok(out);
    }

    private String value(ObjectNode u, ObjectNode attr) {
        String key = JsonNodes.text(u, "id") + ":" + JsonNodes.text(attr, "id");
        String o = st.userValues.get(key);
        if (o != null) return o.equals("\u0000") ? null : o;
        if (attr.path("is_system").asBoolean()) return JsonNodes.text(u, JsonNodes.text(attr, "name"));
        long a = id(JsonNodes.text(attr, "id")), uid = id(JsonNodes.text(u, "id"));
        return a <= st.attrs.baseMax() && (uid + a) % 5 == 0 ? "value-" + uid : null;
    }

    private ApiResponse setValue(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "value");
        return st.write(() -> {
            ObjectNode u = need(st.users, r.param("user_id"));
            ObjectNode a = need(st.attrs, r.param("user_attribute_id"));
            st.userValues.put(JsonNodes.text(u, "id") + ":" + JsonNodes.text(a, "id"), b.get("value").asText());
            ObjectNode n = JsonNodes.obj().put("name", JsonNodes.text(a, "name")).put("label", JsonNodes.text(a, "label")).put("value", b.get("value").asText())
                    .put("user_id", JsonNodes.text(u, "id")).put("user_attribute_id", JsonNodes.text(a, "id")).put("source", "user")
                    .put("user_can_edit", a.path("user_can_edit").asBoolean()).put("value_is_hidden", a.path("value_is_hidden").asBoolean());
            n.set("can", JsonNodes.obj().put("show", true).put("update", true));
            return ApiResponse.ok(Shaper.shape("UserAttributeWithValue", n));
        });
    }
}
