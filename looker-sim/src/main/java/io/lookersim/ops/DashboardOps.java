package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.SeededGenerator;
import io.lookersim.gen.Words;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.Map;

/** Dashboards: list, search, read, create (with its active layout), update, move, delete (with its parts), LookML. */
public final class DashboardOps extends OperationGroup {
    private FolderOps folders;

    public DashboardOps(Store st, Views v) { super(st, v); }

    void setFolders(FolderOps f) { this.folders = f; }

    public void register(Api api) {
        LookmlDashboards lk = new LookmlDashboards(st, v);
        api.on("all_dashboards", r -> lk.appendTo(r, Listing.list(r, new Listing.Spec(st.dashboards, true, Trash.EXCLUDE, Filter.of(r),
                        null, v::dashboardBase, false))))
                .on("search_dashboards", this::search)
                .on("dashboard", LookmlDashboards.guard(r -> one(r, v.dashboardFor(r.fields()).apply(need(st.dashboards, r.param("dashboard_id")))),
                        r -> one(r, Shaper.shape("Dashboard", lk.get(r.param("dashboard_id"))))))
                .on("create_dashboard", this::create)
                .on("update_dashboard", LookmlDashboards.guard(this::update, LookmlDashboards::notModifiable))
                .on("delete_dashboard", LookmlDashboards.guard(r -> st.write(() -> {
                    deleteDashboard(id(JsonNodes.text(need(st.dashboards, r.param("dashboard_id")), "id")));
                    return ApiResponse.noContent();
                }), LookmlDashboards::notModifiable))
                .on("move_dashboard", LookmlDashboards.guard(this::move, LookmlDashboards::notModifiable))
                .on("dashboard_lookml", LookmlDashboards.guard(this::lookml, r -> lk.lookml(lk.get(r.param("dashboard_id")))))
                .on("import_dashboard_from_lookml", this::importLookml)
                .on("import_lookml_dashboard", r -> lk.importInto(api, r))
                .on("sync_lookml_dashboard", r -> lk.sync(api, r));
    }

    private ApiResponse search(ApiRequest r) {
        Filter f = Filter.of(r, "id", "id", "slug", "slug", "title", "title", "description", "description", "content_favorite_id",
                "content_favorite_id", "folder_id", "folder_id", "user_id", "user_id", "view_count", "view_count",
                "content_metadata_id", "content_metadata_id", "last_viewed_at", "last_viewed_at");
        Trash t = r.q("deleted") == null ? Trash.EXCLUDE : r.qBool("deleted") ? Trash.ONLY : Trash.EXCLUDE;
        String notOwnedBy = r.q("not_owned_by");
        java.util.function.Predicate<ObjectNode> extra = notOwnedBy == null ? null : n -> !notOwnedBy.equals(JsonNodes.text(n, "user_id"));
        return Listing.list(r, new Listing.Spec(st.dashboards, true, t, f, extra, v.dashboardFor(r.fields()), true));
    }

    private ApiResponse create(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "title");
        return st.write(() -> {
            String folderId = b.hasNonNull("folder_id") ? b.get("folder_id").asText() : JsonNodes.text(st.users.get(r.userId()), "personal_folder_id");
            if (st.folders.get(folderId) == null) throw ApiError.validation("folder_id", "invalid", "Folder not found");
            String slug = b.hasNonNull("slug") ? b.get("slug").asText() : null;
            if (slug != null && slugTaken(slug, -1)) throw ApiError.conflict("Dashboard with this slug already exists");
            titleFree(folderId, b.get("title").asText(), -1);
            long id = st.dashboards.newId();
            ObjectNode n = JsonNodes.obj();
            n.put("id", s(id)).put("hidden", false).put("readonly", false).put("preferred_viewer", "dashboards-next")
                    .put("show_title", true).put("show_filters_bar", true).put("load_configuration", "wait").put("deleted", false)
                    .put("user_id", r.userId()).put("view_count", 0).put("favorite_count", 0);
            Shaper.mergeWritable("Dashboard", b, n);
            n.put("folder_id", folderId).put("slug", slug == null ? Words.slug(st.plan.seed(), SeededGenerator.DASH + 77, id) : slug);
            n.put("created_at", st.nowIso()).put("updated_at", st.nowIso()).put("last_updater_id", r.userId())
                    .put("content_metadata_id", s(folders.newContentMeta("dashboard_id", id, "dashboard")));
            n.remove("folder");
            n.set("can", JsonNodes.obj().put("index", true).put("show", true).put("copy", true).put("run", true).put("update", true)
                    .put("destroy", true).put("create", true).put("move", true));
            st.dashboards.put(id, n);
            long layout = st.layouts.newId();
            ObjectNode l = JsonNodes.obj().put("id", s(layout)).put("dashboard_id", s(id)).put("type", "newspaper").put("active", true)
                    .put("deleted", false).put("order", 0);
            l.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.layouts.put(layout, l);
            return one(r, v.dashboard(n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.dashboards, r.param("dashboard_id")).deepCopy();
            long id = id(JsonNodes.text(n, "id"));
            boolean wasDeleted = n.path("deleted").asBoolean();
            Shaper.mergeWritable("Dashboard", b, n);
            n.remove("folder");
            if (b.hasNonNull("slug") && slugTaken(b.get("slug").asText(), id)) {
                throw ApiError.conflict("Dashboard with this slug already exists");
            }
            if (st.folders.get(JsonNodes.text(n, "folder_id")) == null) throw ApiError.validation("folder_id", "invalid", "Folder not found");
            if (b.hasNonNull("title")) titleFree(JsonNodes.text(n, "folder_id"), b.get("title").asText(), id);
            touch(n, r.userId(), wasDeleted);
            st.dashboards.put(id, n);
            return one(r, v.dashboard(n));
        });
    }

    /** Bumps updated_at and keeps the trash fields consistent with `deleted`. */
    void touch(ObjectNode n, String userId, boolean wasDeleted) {
        n.put("updated_at", st.nowIso()).put("last_updater_id", userId);
        boolean del = n.path("deleted").asBoolean();
        if (del && !wasDeleted) n.put("deleted_at", st.nowIso()).put("deleter_id", userId);
        if (!del) n.putNull("deleted_at").putNull("deleter_id");
    }

    private ApiResponse move(ApiRequest r) {
        String folder = r.q("folder_id");
        if (folder == null) throw ApiError.missing("folder_id");
        return st.write(() -> {
            ObjectNode n = need(st.dashboards, r.param("dashboard_id")).deepCopy();
            if (st.folders.get(folder) == null) throw ApiError.notFound();
            n.put("folder_id", folder);
            touch(n, r.userId(), n.path("deleted").asBoolean());
            st.dashboards.put(id(JsonNodes.text(n, "id")), n);
            return one(r, v.dashboard(n));
        });
    }

    boolean slugTaken(String slug, long self) {
        Long d = findBySlug(slug);
        return d != null && d != self;
    }

    /** Slugs of generated dashboards start with the id in base 36, so a lookup needs no scan of the base. */
    Long findBySlug(String slug) {
        int x = slug.indexOf('x');
        if (x > 0) {
            try {
                long d = Long.parseLong(slug.substring(0, x), 36);
                if (d <= st.dashboards.baseMax() && !st.dashboards.isOverridden(d) && !st.dashboards.isRemoved(d)
                        && slug.equals(Words.slug(st.plan.seed(), SeededGenerator.DASH, d))) return d;
            } catch (NumberFormatException ignored) {
                // not a generated slug
            }
        }
        for (Map.Entry<Long, ObjectNode> e : st.dashboards.overlay().entrySet()) {
            if (slug.equals(JsonNodes.text(e.getValue(), "slug"))) return e.getKey();
        }
        return null;
    }

    private void titleFree(String folderId, String title, long self) {
        for (long d : st.dashboards.children(folderId)) {
            ObjectNode o = st.dashboards.get(d);
            if (d != self && !o.path("deleted").asBoolean() && title.equals(JsonNodes.text(o, "title"))) {
                throw ApiError.conflict("Dashboard with this title already exists in the folder");
            }
        }
    }

    /** For the admin surface: same cascade as DELETE. Caller holds the write lock. */
    public void deleteDashboardPublic(long id) { deleteDashboard(id); }

    /** Permanent delete with elements, filters, layouts and components. Caller holds the write lock. */
    void deleteDashboard(long id) {
        String d = s(id);
        for (long e : st.elements.children(d)) st.elements.remove(e);
        for (long f : st.filters.children(d)) st.filters.remove(f);
        for (long l : st.layouts.children(d)) {
            for (long c : st.components.children(s(l))) st.components.remove(c);
            st.layouts.remove(l);
        }
        st.dashboards.remove(id);
    }

    private ApiResponse lookml(ApiRequest r) {
        ObjectNode d = v.dashboard(need(st.dashboards, r.param("dashboard_id")));
        StringBuilder b = new StringBuilder("---\n- dashboard: ").append(JsonNodes.text(d, "slug")).append('\n');
        b.append("  title: \"").append(JsonNodes.text(d, "title").replace("\"", "\\\"")).append("\"\n");
        b.append("  layout: newspaper\n  preferred_viewer: dashboards-next\n");
        b.append("  preferred_slug: ").append(JsonNodes.text(d, "slug")).append("\n  elements:\n");
        for (JsonNode e : d.path("dashboard_elements")) {
            b.append("  - name: e").append(e.path("id").asText()).append('\n');
            b.append("    title: \"").append(e.path("title").asText("").replace("\"", "\\\"")).append("\"\n");
            b.append("    type: ").append(e.path("query").path("vis_config").path("type").asText(e.path("type").asText("text"))).append('\n');
            if (e.path("query").isObject()) {
                b.append("    model: ").append(e.path("query").path("model").asText()).append('\n');
                b.append("    explore: ").append(e.path("query").path("view").asText()).append('\n');
            }
        }
        ObjectNode out = JsonNodes.obj().put("dashboard_id", JsonNodes.text(d, "id")).put("lookml", b.toString());
        return ApiResponse.ok(Shaper.shape("DashboardLookml", out));
    }

    private ApiResponse importLookml(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "folder_id", "lookml");
        String text = b.get("lookml").asText();
        String title = field(text, "title"), slug = field(text, "preferred_slug");
        if (title == null) throw ApiError.validation("lookml", "invalid", "LookML has no dashboard title");
        return st.write(() -> {
            if (st.folders.get(b.get("folder_id").asText()) == null) throw ApiError.validation("folder_id", "invalid", "Folder not found");
            Long existing = slug == null ? null : findBySlug(slug); // same preferred_slug: overwrite, as Looker does
            ObjectNode n = existing != null ? st.dashboards.get(existing).deepCopy() : null;
            if (n == null) {
                ApiResponse created = create(new ApiRequest("POST", "/dashboards", "create_dashboard", Map.of(), Map.of(),
                        JsonNodes.obj().put("title", title).put("folder_id", b.get("folder_id").asText()).put("slug", slug), new byte[0],
                        r.absoluteUrl(), r.userId()));
                return ApiResponse.ok(created.body());
            }
            n.put("title", title).put("folder_id", b.get("folder_id").asText());
            touch(n, r.userId(), false);
            st.dashboards.put(id(JsonNodes.text(n, "id")), n);
            return ApiResponse.ok(v.dashboard(n));
        });
    }

    private static String field(String lookml, String key) {
        for (String line : lookml.split("\n")) {
            String t = line.trim();
            if (t.startsWith(key + ":")) return t.substring(key.length() + 1).trim().replaceAll("^\"|\"$", "");
        }
        return null;
    }
}
