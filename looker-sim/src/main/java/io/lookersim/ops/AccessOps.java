package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;

/** Content metadata and its accesses; user attributes and their group values. Thread-safe. */
public final class AccessOps extends OperationGroup {
    public AccessOps(Store st, Views v) { super(st, v); }

    public void register(Api api) {
        api.on("all_content_metadatas", this::children)
                .on("content_metadata", r -> one(r, meta(need(st.contentMeta, r.param("content_metadata_id")))))
                .on("update_content_metadata", this::updateMeta)
                .on("all_content_metadata_accesses", r -> {
                    String cm = r.q("content_metadata_id");
                    if (cm == null) throw ApiError.missing("content_metadata_id");
                    need(st.contentMeta, cm);
                    List<ObjectNode> out = new ArrayList<>();
                    for (long a : st.accesses.children(cm)) out.add(st.accesses.get(a));
                    return Listing.ofList(r, out, n -> Shaper.shape("ContentMetaGroupUser", n), false);
                })
                .on("create_content_metadata_access", this::createAccess).on("update_content_metadata_access", this::updateAccess)
                .on("delete_content_metadata_access", r -> st.write(() -> {
                    need(st.accesses, r.param("content_metadata_access_id"));
                    st.accesses.remove(id(r.param("content_metadata_access_id")));
                    return ApiResponse.noContent();
                }))
                .on("all_user_attributes", r -> Listing.list(r, new Listing.Spec(st.attrs, false, Trash.ANY, Filter.of(r), null,
                        n -> Shaper.shape("UserAttribute", n), false)))
                .on("user_attribute", r -> one(r, Shaper.shape("UserAttribute", need(st.attrs, r.param("user_attribute_id")))))
                .on("create_user_attribute", this::createAttr).on("update_user_attribute", this::updateAttr)
                .on("delete_user_attribute", r -> st.write(() -> {
                    ObjectNode a = need(st.attrs, r.param("user_attribute_id"));
                    if (a.path("is_permanent").asBoolean()) throw ApiError.validation("id", "invalid", "System attributes cannot be deleted");
                    st.attrs.remove(id(r.param("user_attribute_id")));
                    return ApiResponse.noContent();
                }))
                .on("all_user_attribute_group_values", r -> ApiResponse.ok(r.fields() == null ? groupValues(need(st.attrs, r.param("user_attribute_id"))) : r.fields().apply(groupValues(need(st.attrs, r.param("user_attribute_id"))))))
                .on("set_user_attribute_group_values", this::setGroupValues);
    }

    /** Renders a content metadata: name and parent come from the item it describes. */
    private ObjectNode meta(ObjectNode cm) {
        ObjectNode n = cm.deepCopy();
        ObjectNode item = null;
        if (cm.hasNonNull("folder_id")) item = st.folders.get(JsonNodes.text(cm, "folder_id"));
        else if (cm.hasNonNull("dashboard_id")) item = st.dashboards.get(JsonNodes.text(cm, "dashboard_id"));
        else if (cm.hasNonNull("look_id")) item = st.looks.get(JsonNodes.text(cm, "look_id"));
        else if (cm.hasNonNull("board_id")) item = st.boards.get(JsonNodes.text(cm, "board_id"));
        if (item != null) {
            n.put("name", item.hasNonNull("name") ? JsonNodes.text(item, "name") : JsonNodes.text(item, "title"));
            n.put("slug", JsonNodes.text(item, "slug"));
            String parentFolder = cm.hasNonNull("folder_id") ? JsonNodes.text(item, "parent_id") : JsonNodes.text(item, "folder_id");
            ObjectNode pf = st.folders.get(parentFolder);
            n.put("parent_id", pf == null ? null : JsonNodes.text(pf, "content_metadata_id"));
            n.put("inheriting_id", n.path("inherits").asBoolean() ? JsonNodes.text(n, "parent_id") : null);
        }
        n.remove("board_id");
        n.set("can", JsonNodes.obj().put("index", true).put("show", true).put("update", true));
        return Shaper.shape("ContentMeta", n);
    }

    private ApiResponse children(ApiRequest r) {
        String parent = r.q("parent_id");
        if (parent == null) throw ApiError.missing("parent_id");
        ObjectNode cm = need(st.contentMeta, parent);
        List<ObjectNode> out = new ArrayList<>();
        String folder = JsonNodes.text(cm, "folder_id");
        if (folder != null) {
            for (long f : st.folders.children(folder)) out.add(cmOf(st.folders.get(f)));
            for (long d : st.dashboards.children(folder)) out.add(cmOf(st.dashboards.get(d)));
            for (long l : st.looks.children(folder)) out.add(cmOf(st.looks.get(l)));
        }
        out.removeIf(x -> x == null);
        return Listing.ofList(r, out, this::meta, false);
    }

    private ObjectNode cmOf(ObjectNode item) { return st.contentMeta.get(JsonNodes.text(item, "content_metadata_id")); }

    private ApiResponse updateMeta(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode cm = need(st.contentMeta, r.param("content_metadata_id")).deepCopy();
            if (b.has("inherits")) cm.put("inherits", b.get("inherits").asBoolean());
            st.contentMeta.put(id(JsonNodes.text(cm, "id")), cm);
            return one(r, meta(cm));
        });
    }

    private ApiResponse createAccess(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "content_metadata_id", "permission_type");
        return st.write(() -> {
            if (st.contentMeta.get(b.get("content_metadata_id").asText()) == null) throw ApiError.validation("content_metadata_id", "invalid", "Not found");
            checkAccess(b);
            String cm = b.get("content_metadata_id").asText();
            for (long a : st.accesses.children(cm)) {
                ObjectNode o = st.accesses.get(a);
                if (same(o, b, "group_id") && same(o, b, "user_id")) throw ApiError.conflict("Access already exists");
            }
            long id = st.accesses.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("content_metadata_id", cm).put("permission_type", b.get("permission_type").asText())
                    .put("group_id", JsonNodes.text(b, "group_id")).put("user_id", JsonNodes.text(b, "user_id"));
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.accesses.put(id, n);
            return ApiResponse.ok(Shaper.shape("ContentMetaGroupUser", n));
        });
    }

    private static boolean same(ObjectNode o, JsonNode b, String f) {
        String x = JsonNodes.text(o, f), y = JsonNodes.text(b, f);
        return x == null ? y == null : x.equals(y);
    }

    private void checkAccess(JsonNode b) {
        String pt = JsonNodes.text(b, "permission_type");
        if (pt != null && !pt.equals("view") && !pt.equals("edit")) throw ApiError.validation("permission_type", "invalid", "Must be view or edit");
        boolean g = b.hasNonNull("group_id"), u = b.hasNonNull("user_id");
        if (g == u) throw ApiError.validation("group_id", "invalid", "Give exactly one of group_id or user_id");
        if (g && st.groups.get(b.get("group_id").asText()) == null) throw ApiError.validation("group_id", "invalid", "Group not found");
        if (u && st.users.get(b.get("user_id").asText()) == null) throw ApiError.validation("user_id", "invalid", "User not found");
    }

    private ApiResponse updateAccess(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.accesses, r.param("content_metadata_access_id")).deepCopy();
            if (b.hasNonNull("permission_type")) {
                String pt = b.get("permission_type").asText();
                if (!pt.equals("view") && !pt.equals("edit")) throw ApiError.validation("permission_type", "invalid", "Must be view or edit");
                n.put("permission_type", pt);
            }
            st.accesses.put(id(JsonNodes.text(n, "id")), n);
            return ApiResponse.ok(Shaper.shape("ContentMetaGroupUser", n));
        });
    }

    private ApiResponse createAttr(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "name", "label", "type");
        checkDomainWhitelist(b);
        return st.write(() -> {
            String name = b.get("name").asText();
            if (!name.matches("[a-z0-9_]+")) throw ApiError.validation("name", "invalid", "Names use a-z, 0-9 and _");
            for (long i = 1; i <= st.attrs.maxId(); i++) {
                ObjectNode a = st.attrs.get(i);
                if (a != null && name.equals(JsonNodes.text(a, "name"))) throw ApiError.conflict("User attribute already exists");
            }
            long id = st.attrs.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("is_system", false).put("is_permanent", false).put("value_is_hidden", false)
                    .put("user_can_view", true).put("user_can_edit", false).put("needed_for_ci_run", false);
            Shaper.mergeWritable("UserAttribute", b, n);
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true).put("set_value", true));
            st.attrs.put(id, n);
            return one(r, Shaper.shape("UserAttribute", n));
        });
    }

    private ApiResponse updateAttr(ApiRequest r) {
        JsonNode b = body(r);
        checkDomainWhitelist(b);
        return st.write(() -> {
            ObjectNode n = need(st.attrs, r.param("user_attribute_id")).deepCopy();
            if (n.path("is_system").asBoolean() && b.hasNonNull("name") && !b.get("name").asText().equals(JsonNodes.text(n, "name"))) {
                throw ApiError.validation("name", "invalid", "System attributes cannot be renamed");
            }
            Shaper.mergeWritable("UserAttribute", b, n);
            st.attrs.put(id(JsonNodes.text(n, "id")), n);
            return one(r, Shaper.shape("UserAttribute", n));
        });
    }

    /** One url, or a url with * wildcards (https://*.example.com/*), or a bare host pattern. */
    private static final java.util.regex.Pattern WHITELIST_ENTRY =
            java.util.regex.Pattern.compile("(https?://)?[A-Za-z0-9*](?:[A-Za-z0-9*.:-]*)(/\\S*)?");

    /**
     * Looker refuses a hidden_value_domain_whitelist that is not a comma-separated list of url patterns, the empty
     * string included (sdk-codegen issue 544: SDKs that always send the field get this 422); null means "none".
     */
    private static void checkDomainWhitelist(JsonNode b) {
        JsonNode w = b.get("hidden_value_domain_whitelist");
        if (w == null || w.isNull()) return;
        for (String entry : w.asText().split(",", -1)) {
            if (!WHITELIST_ENTRY.matcher(entry.trim()).matches()) {
                throw ApiError.validation("hidden_value_domain_whitelist", "invalid",
                        "hidden_value_domain_whitelist must be a comma-separated list of urls with optional wildcards");
            }
        }
    }

    private ArrayNode groupValues(ObjectNode attr) {
        long a = id(JsonNodes.text(attr, "id"));
        ArrayNode stored = st.groupValues.get(a);
        if (stored != null) return stored;
        ArrayNode out = JsonNodes.arr();
        if (a > st.attrs.baseMax()) return out;
        long[] groups = st.ident.attributeGroups(a);
        for (int k = 0; k < groups.length; k++) {
            if (st.groups.get(groups[k]) == null) continue;
            out.add(groupValue(a * 16 + k, groups[k], a, k + 1, "group-" + groups[k], attr));
        }
        return out;
    }

    private static ObjectNode groupValue(long id, long group, long attr, int rank, String value, ObjectNode a) {
        ObjectNode n = JsonNodes.obj().put("id", s(id)).put("group_id", s(group)).put("user_attribute_id", s(attr))
                .put("value_is_hidden", a.path("value_is_hidden").asBoolean()).put("rank", rank).put("value", value);
        n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
        return Shaper.shape("UserAttributeGroupValue", n);
    }

    private ApiResponse setGroupValues(ApiRequest r) {
        JsonNode b = r.body();
        if (b == null || !b.isArray()) throw ApiError.validation("body", "invalid", "Expected an array of group values");
        return st.write(() -> {
            ObjectNode attr = need(st.attrs, r.param("user_attribute_id"));
            long a = id(JsonNodes.text(attr, "id"));
            ArrayNode out = JsonNodes.arr();
            int rank = 1;
            for (JsonNode gv : b) {
                if (!gv.hasNonNull("group_id") || st.groups.get(gv.get("group_id").asText()) == null) {
                    throw ApiError.validation("group_id", "invalid", "Group not found");
                }
                long id = a * 100_000 + st.plan.groups() + rank;
                out.add(groupValue(id, id(gv.get("group_id").asText()), a, rank++, JsonNodes.text(gv, "value"), attr));
            }
            st.groupValues.put(a, out);
            return ApiResponse.ok(out);
        });
    }
}
