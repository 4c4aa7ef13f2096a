package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceLayout;
import io.lookersim.json.JsonNodes;
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;

/** Folder reads and writes; deleting a folder deletes its sub-folders and their looks and dashboards. Thread-safe. */
public final class FolderOps extends OperationGroup {
    private final DashboardOps dashboards;
    private final LookOps looks;

    public FolderOps(Store st, Views v, DashboardOps dashboards, LookOps looks) {
        super(st, v);
        this.dashboards = dashboards;
        this.looks = looks;
    }

    public void register(Api api) {
        api.on("all_folders", r -> Listing.list(r, spec(r, Filter.of(r), false, true)))
                .on("search_folders", r -> Listing.list(r, spec(r, Filter.of(r, "name", "name", "id", "id", "parent_id",
                        "parent_id", "creator_id", "creator_id", "is_shared_root", "is_shared_root", "is_users_root", "is_users_root"), true, false)))
                .on("folder", r -> one(r, v.folder(need(st.folders, r.param("folder_id")))))
                .on("folder_children", this::children)
                .on("folder_ancestors", this::ancestors)
                .on("folder_looks", r -> Listing.ofList(r, items(st.looks, need(st.folders, r.param("folder_id"))), v::lookWithQuery, false))
                .on("folder_dashboards", r -> Listing.ofList(r, items(st.dashboards, need(st.folders, r.param("folder_id"))), v::dashboard, false))
                .on("create_folder", this::create).on("update_folder", this::update).on("delete_folder", this::delete);
    }

    private Listing.Spec spec(ApiRequest r, Filter f, boolean pageable, boolean base) {
        return new Listing.Spec(st.folders, false, Trash.ANY, f, null, base ? v::folderBase : v::folder, pageable);
    }

    private List<ObjectNode> items(io.lookersim.store.ItemTable t, ObjectNode folder) {
        List<ObjectNode> out = new ArrayList<>();
        for (long id : t.children(JsonNodes.text(folder, "id"))) {
            ObjectNode n = t.get(id);
            if (!n.path("deleted").asBoolean()) out.add(n);
        }
        return out;
    }

    private ApiResponse children(ApiRequest r) {
        ObjectNode f = need(st.folders, r.param("folder_id"));
        return Listing.ofIds(r, st.folders.children(JsonNodes.text(f, "id")), st.folders::get, v::folder);
    }

    private ApiResponse ancestors(ApiRequest r) {
        ObjectNode f = need(st.folders, r.param("folder_id"));
        List<ObjectNode> chain = new ArrayList<>();
        for (ObjectNode p = st.folders.get(JsonNodes.text(f, "parent_id")); p != null; p = st.folders.get(JsonNodes.text(p, "parent_id"))) {
            chain.add(0, p);
        }
        return Listing.ofList(r, chain, v::folder, false);
    }

    private ApiResponse create(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "name", "parent_id");
        return st.write(() -> {
            ObjectNode parent = st.folders.get(JsonNodes.text(b, "parent_id"));
            if (parent == null) throw ApiError.notFound();
            checkName(JsonNodes.text(b, "parent_id"), JsonNodes.text(b, "name"), -1);
            long id = st.folders.newId();
            ObjectNode n = JsonNodes.obj().put("name", JsonNodes.text(b, "name")).put("parent_id", JsonNodes.text(b, "parent_id")).put("id", s(id))
                    .put("content_metadata_id", s(newContentMeta("folder_id", id, "space"))).put("created_at", st.nowIso())
                    .put("creator_id", r.userId()).put("child_count", 0).put("external_id", (String) null).put("is_embed", false)
                    .put("is_embed_shared_root", false).put("is_embed_users_root", false).put("is_personal", false)
                    .put("is_personal_descendant", parent.path("is_personal").asBoolean() || parent.path("is_personal_descendant").asBoolean())
                    .put("is_shared_root", false).put("is_users_root", false);
            n.set("can", parent.get("can"));
            st.folders.put(id, n);
            return one(r, v.folder(n));
        });
    }

    long newContentMeta(String field, long id, String type) {
        long cm = st.contentMeta.newId();
        st.contentMeta.put(cm, JsonNodes.obj().put("id", s(cm)).put(field, s(id)).put("content_type", type).put("inherits", true));
        return cm;
    }

    private void checkName(String parentId, String name, long self) {
        for (long c : st.folders.children(parentId)) {
            if (c != self && name.equals(JsonNodes.text(st.folders.get(c), "name"))) throw ApiError.conflict("Folder name already exists in the parent folder");
        }
    }

    private ApiResponse update(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode f = need(st.folders, r.param("folder_id")).deepCopy();
            long id = id(JsonNodes.text(f, "id"));
            if (isRoot(f)) throw ApiError.validation("name", "invalid", "Root and personal folders cannot be changed");
            if (b.hasNonNull("parent_id")) {
                String p = b.get("parent_id").asText();
                if (need(st.folders, p) == null || p.equals(JsonNodes.text(f, "id"))) throw ApiError.validation("parent_id", "invalid", "Invalid parent");
                f.put("parent_id", p);
            }
            if (b.hasNonNull("name")) f.put("name", b.get("name").asText());
            checkName(JsonNodes.text(f, "parent_id"), JsonNodes.text(f, "name"), id);
            st.folders.put(id, f);
            return one(r, v.folder(f));
        });
    }

    private static boolean isRoot(ObjectNode f) {
        return f.path("is_shared_root").asBoolean() || f.path("is_users_root").asBoolean() || f.path("is_personal").asBoolean()
                || JsonNodes.text(f, "parent_id") == null;
    }

    private ApiResponse delete(ApiRequest r) {
        return st.write(() -> {
            ObjectNode f = need(st.folders, r.param("folder_id"));
            if (isRoot(f)) throw ApiError.validation("folder_id", "invalid", "Root and personal folders cannot be deleted");
            deleteTree(id(JsonNodes.text(f, "id")));
            return ApiResponse.noContent();
        });
    }

    /** For the admin surface: same cascade as DELETE. Caller holds the write lock. */
    public void deleteTreePublic(long folder) { deleteTree(folder); }

    /** Caller holds the write lock. */
    void deleteTree(long folder) {
        String fid = s(folder);
        for (long c : st.folders.children(fid)) deleteTree(c);
        for (long d : st.dashboards.children(fid)) dashboards.deleteDashboard(d);
        for (long l : st.looks.children(fid)) looks.deleteLook(l);
        st.folders.remove(folder);
    }

    public static boolean isPersonalRoot(long f, InstanceLayout p) { return f > InstanceLayout.USERS_ROOT && f < p.firstShared(); }
}
