package io.lookersim.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.gen.InstanceLayout;
import io.lookersim.gen.Models;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Store;

/** Renders internal items as API objects of a spec schema, embedding related objects as Looker does. Thread-safe. */
public final class Views {
    private final Store st;
    private final String apiClientId;

    /** @param apiClientId the client id the API user logs in with: its one API3 key (never the secret). */
    public Views(Store st, String apiClientId) {
        this.st = st;
        this.apiClientId = apiClientId;
    }

    private static String t(ObjectNode n, String f) { return JsonNodes.text(n, f); }

    private static ObjectNode copy(ObjectNode n) { return n.deepCopy(); }

    public ObjectNode folderBase(ObjectNode f) { return Shaper.shape("FolderBase", withChildCount(f)); }

    private ObjectNode withChildCount(ObjectNode f) {
        ObjectNode n = copy(f);
        n.put("child_count", st.folders.children(t(f, "id")).size());
        return n;
    }

    public ObjectNode folder(ObjectNode f) {
        ObjectNode n = copy(withChildCount(f));
        ArrayNode ds = n.putArray("dashboards");
        for (long d : st.dashboards.children(t(f, "id"))) {
            ObjectNode dn = st.dashboards.get(d);
            if (!dn.path("deleted").asBoolean()) ds.add(dashboardBase(dn));
        }
        ArrayNode ls = n.putArray("looks");
        for (long l : st.looks.children(t(f, "id"))) {
            ObjectNode ln = st.looks.get(l);
            if (!ln.path("deleted").asBoolean()) ls.add(Shaper.shape("LookWithDashboards", lookCommon(ln)));
        }
        return Shaper.shape("Folder", n);
    }

    private ObjectNode folderOf(ObjectNode item) {
        ObjectNode f = st.folders.get(t(item, "folder_id"));
        return f == null ? null : Shaper.shape("FolderBase", withChildCount(f));
    }

    private String userName(String userId) {
        ObjectNode u = st.users.get(userId);
        return u == null ? null : t(u, "display_name");
    }

    public ObjectNode dashboardBase(ObjectNode d) {
        ObjectNode n = copy(d);
        n.set("folder", folderOf(d));
        return Shaper.shape("DashboardBase", n);
    }

    /**
     * The renderer for a listing: when `fields` drops the nested elements, filters, layouts and folder, those are
     * not built (a page of ids then costs microseconds per dashboard, not a full render).
     */
    public java.util.function.Function<ObjectNode, ObjectNode> dashboardFor(io.lookersim.api.Fields f) {
        if (io.lookersim.api.Fields.wants(f, "dashboard_elements", "dashboard_filters", "dashboard_layouts", "folder")) return this::dashboard;
        return d -> Shaper.shape("Dashboard", dashboardScalars(copy(d)));
    }

    /** Derived read-only scalars of a dashboard (names of people, links). */
    private ObjectNode dashboardScalars(ObjectNode n) {
        String id = t(n, "id");
        n.put("user_name", userName(t(n, "user_id"))).put("last_updater_name", userName(t(n, "last_updater_id")));
        n.put("edit_uri", "/dashboards/" + id + "/edit").put("url", "/dashboards/" + id);
        n.put("is_owner_disabled", st.users.get(t(n, "user_id")) == null);
        return n;
    }

    public ObjectNode dashboard(ObjectNode d) {
        ObjectNode n = dashboardScalars(copy(d));
        String id = t(d, "id");
        n.set("folder", folderOf(d));
        ArrayNode els = n.putArray("dashboard_elements");
        for (long e : st.elements.children(id)) els.add(element(st.elements.get(e)));
        ArrayNode fs = n.putArray("dashboard_filters");
        for (long f : st.filters.children(id)) fs.add(filter(st.filters.get(f)));
        ArrayNode ls = n.putArray("dashboard_layouts");
        for (long l : st.layouts.children(id)) ls.add(layout(st.layouts.get(l)));
        return Shaper.shape("Dashboard", n);
    }

    public ObjectNode element(ObjectNode e) {
        ObjectNode n = copy(e);
        String id = t(e, "id");
        n.put("edit_uri", "/dashboards/" + t(e, "dashboard_id") + "/elements/" + id + "/edit");
        n.put("body_text_as_html", t(e, "body_text") == null ? null : "<p>" + t(e, "body_text") + "</p>");
        n.put("title_text_as_html", t(e, "title_text")).put("subtitle_text_as_html", t(e, "subtitle_text"));
        ObjectNode q = st.queries.get(t(e, "query_id"));
        n.set("query", q == null ? null : query(q));
        ObjectNode look = st.looks.get(t(e, "look_id"));
        n.set("look", look == null ? null : lookWithQuery(look));
        n.put("alert_count", 0);
        ObjectNode rm = null;
        if (q != null) {
            rm = JsonNodes.obj().put("id", id).put("query_id", t(q, "id")).put("total", false);
            rm.set("query", query(q));
            rm.set("vis_config", q.get("vis_config"));
            rm.set("sorts", q.get("sorts"));
        } else if (t(e, "merge_result_id") != null) {
            ObjectNode mq = st.mergeQueries.get(t(e, "merge_result_id"));
            rm = JsonNodes.obj().put("id", id).put("merge_result_id", t(e, "merge_result_id")).put("total", false);
            if (mq != null) rm.set("vis_config", mq.get("vis_config"));
        }
        if (rm != null) {
            ArrayNode fl = rm.putArray("filterables");
            if (q != null) fl.addObject().put("model", t(q, "model")).put("view", t(q, "view")).put("name", t(q, "view")).putArray("listen");
            n.put("result_maker_id", id);
        }
        n.set("result_maker", rm);
        return Shaper.shape("DashboardElement", n);
    }

    public ObjectNode filter(ObjectNode f) { return Shaper.shape("DashboardFilter", f); }

    public ObjectNode layout(ObjectNode l) {
        ObjectNode n = copy(l);
        ObjectNode d = st.dashboards.get(t(l, "dashboard_id"));
        n.put("dashboard_title", d == null ? null : t(d, "title"));
        ArrayNode cs = n.putArray("dashboard_layout_components");
        for (long c : st.components.children(t(l, "id"))) cs.add(component(st.components.get(c)));
        return Shaper.shape("DashboardLayout", n);
    }

    public ObjectNode component(ObjectNode c) {
        ObjectNode n = copy(c);
        ObjectNode e = st.elements.get(t(c, "dashboard_element_id"));
        n.put("element_title", e == null ? null : t(e, "title")).put("element_title_hidden", e != null && e.path("title_hidden").asBoolean());
        String vis = null;
        if (e != null) {
            ObjectNode q = st.queries.get(t(e, "query_id"));
            vis = q != null ? q.path("vis_config").path("type").asText(null) : t(e, "type");
        }
        n.put("vis_type", vis);
        return Shaper.shape("DashboardLayoutComponent", n);
    }

    private ObjectNode lookCommon(ObjectNode l) {
        ObjectNode n = copy(l);
        String id = t(l, "id");
        n.set("folder", folderOf(l));
        ObjectNode q = st.queries.get(t(l, "query_id"));
        if (q != null) n.putObject("model").put("id", t(q, "model")).put("label", labelOf(t(q, "model")));
        n.put("user_name", userName(t(l, "user_id"))).put("is_owner_disabled", st.users.get(t(l, "user_id")) == null);
        n.put("embed_url", "https://looker.sim.local/embed/looks/" + id).put("short_url", "/x/" + id)
                .put("image_embed_url", "https://looker.sim.local/looks/" + id + ".png")
                .put("excel_file_url", "https://looker.sim.local/looks/" + id + ".xlsx")
                .put("google_spreadsheet_formula", "=IMPORTDATA(\"https://looker.sim.local/looks/" + id + ".csv\")");
        return n;
    }

    private static String labelOf(String model) {
        Models.Model m = Models.model(model);
        return m == null ? model : m.label();
    }

    public ObjectNode look(ObjectNode l) { return Shaper.shape("Look", lookCommon(l)); }

    public ObjectNode lookWithQuery(ObjectNode l) {
        ObjectNode n = lookCommon(l);
        ObjectNode q = st.queries.get(t(l, "query_id"));
        n.set("query", q == null ? null : query(q));
        n.put("url", "/looks/" + t(l, "id"));
        return Shaper.shape("LookWithQuery", n);
    }

    public ObjectNode query(ObjectNode q) { return Shaper.shape("Query", q); }

    public ObjectNode user(ObjectNode u) {
        ObjectNode n = copy(u);
        long id = ItemTable.parseId(t(u, "id"));
        ArrayNode g = n.putArray("group_ids");
        st.groupUsers.lefts(id).forEach(x -> {
            if (st.groups.get(x) != null) g.add(Long.toString(x)); // memberships of deleted groups are gone
        });
        if (id == InstanceLayout.API_USER) n.set("credentials_api3", JsonNodes.arr().add(apiKey(u)));
        ArrayNode r = n.putArray("role_ids");
        st.roleUsers.lefts(id).forEach(x -> {
            if (st.roles.get(x) != null) r.add(Long.toString(x));
        });
        return Shaper.shape("User", n);
    }

    /** The API user's key as Looker lists it: metadata only; CredentialsApi3 has no client_secret property. */
    private ObjectNode apiKey(ObjectNode user) {
        String uid = t(user, "id");
        ObjectNode k = JsonNodes.obj().put("id", "1").put("client_id", apiClientId)
                .put("created_at", user.path("credentials_email").path("created_at").asText(null)).put("is_disabled", false)
                .put("type", "api3").putNull("purpose").put("url", "/api/4.0/users/" + uid + "/credentials_api3/1");
        k.putObject("can");
        return k;
    }

    public ObjectNode group(ObjectNode g) {
        ObjectNode n = copy(g);
        n.put("user_count", st.groupUsers.rights(ItemTable.parseId(t(g, "id"))).stream().filter(u -> st.users.get(u) != null).count());
        return Shaper.shape("Group", n);
    }

    public ObjectNode role(ObjectNode r) {
        ObjectNode n = copy(r);
        ObjectNode ps = st.permSets.get(t(r, "permission_set_id"));
        ObjectNode ms = st.modelSets.get(t(r, "model_set_id"));
        n.set("permission_set", ps == null ? null : Shaper.shape("PermissionSet", ps));
        n.set("model_set", ms == null ? null : Shaper.shape("ModelSet", ms));
        n.remove("permission_set_id");
        n.remove("model_set_id");
        return Shaper.shape("Role", n);
    }
}
