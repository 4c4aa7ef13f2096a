package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;

/** Dashboard elements, filters, layouts and layout components. A new element gets a component in the active layout. */
public final class PartOps extends OperationGroup {
    private final LookOps looks;

    public PartOps(Store st, Views v, LookOps looks) {
        super(st, v);
        this.looks = looks;
    }

    public void register(Api api) {
        api.on("dashboard_dashboard_elements", r -> Listing.ofList(r, kids(st.elements, dash(r)), v::element, false))
                .on("dashboard_element", r -> one(r, v.element(need(st.elements, r.param("dashboard_element_id")))))
                .on("create_dashboard_element", this::createElement).on("update_dashboard_element", this::updateElement)
                .on("delete_dashboard_element", r -> st.write(() -> {
                    ObjectNode e = need(st.elements, r.param("dashboard_element_id"));
                    for (long l : st.layouts.children(JsonNodes.text(e, "dashboard_id"))) {
                        for (long c : st.components.children(s(l))) {
                            if (JsonNodes.text(e, "id").equals(JsonNodes.text(st.components.get(c), "dashboard_element_id"))) st.components.remove(c);
                        }
                    }
                    st.elements.remove(id(JsonNodes.text(e, "id")));
                    return ApiResponse.noContent();
                }))
                .on("dashboard_dashboard_filters", r -> Listing.ofList(r, kids(st.filters, dash(r)), v::filter, false))
                .on("dashboard_filter", r -> one(r, v.filter(need(st.filters, r.param("dashboard_filter_id")))))
                .on("create_dashboard_filter", this::createFilter)
                .on("update_dashboard_filter", r -> update(r, st.filters, "dashboard_filter_id", "DashboardFilter", v::filter))
                .on("delete_dashboard_filter", r -> remove(st.filters, r.param("dashboard_filter_id")))
                .on("dashboard_dashboard_layouts", r -> Listing.ofList(r, kids(st.layouts, dash(r)), v::layout, false))
                .on("dashboard_layout", r -> one(r, v.layout(need(st.layouts, r.param("dashboard_layout_id")))))
                .on("create_dashboard_layout", this::createLayout).on("update_dashboard_layout", this::updateLayout)
                .on("delete_dashboard_layout", this::deleteLayout)
                .on("dashboard_layout_dashboard_layout_components", r -> Listing.ofList(r,
                        kids(st.components, need(st.layouts, r.param("dashboard_layout_id"))), v::component, false))
                .on("dashboard_layout_component", r -> one(r, v.component(need(st.components, r.param("dashboard_layout_component_id")))))
                .on("update_dashboard_layout_component", r -> update(r, st.components, "dashboard_layout_component_id",
                        "DashboardLayoutComponent", v::component));
    }

    private ObjectNode dash(ApiRequest r) { return need(st.dashboards, r.param("dashboard_id")); }

    private static List<ObjectNode> kids(ItemTable t, ObjectNode parent) {
        List<ObjectNode> out = new ArrayList<>();
        for (long id : t.children(JsonNodes.text(parent, "id"))) out.add(t.get(id));
        return out;
    }

    private ObjectNode parentDashboard(JsonNode b) {
        require(b, "dashboard_id");
        ObjectNode d = st.dashboards.get(b.get("dashboard_id").asText());
        if (d == null) throw ApiError.validation("dashboard_id", "invalid", "Dashboard not found");
        return d;
    }

    private ApiResponse createElement(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode d = parentDashboard(b);
            long id = st.elements.newId();
            ObjectNode e = JsonNodes.obj().put("id", s(id)).put("type", "vis").put("title_hidden", false);
            Shaper.mergeWritable("DashboardElement", b, e);
            resolveRefs(b, e);
            e.put("dashboard_id", JsonNodes.text(d, "id"));
            e.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.elements.put(id, e);
            ObjectNode layout = activeLayout(JsonNodes.text(d, "id"));
            if (layout != null) addComponent(layout, id);
            touchDashboard(d, r.userId());
            return one(r, v.element(e));
        });
    }

    /** A nested query without query_id is created (de-duplicated) first; look and merge references must exist. */
    private void resolveRefs(JsonNode b, ObjectNode e) {
        if (!b.hasNonNull("query_id") && b.path("query").isObject()) e.put("query_id", looks.createQuery(b.get("query")));
        e.remove("query");
        e.remove("look");
        e.remove("result_maker");
        if (e.hasNonNull("query_id") && st.queries.get(JsonNodes.text(e, "query_id")) == null) throw ApiError.validation("query_id", "invalid", "Query not found");
        if (e.hasNonNull("look_id") && st.looks.get(JsonNodes.text(e, "look_id")) == null) throw ApiError.validation("look_id", "invalid", "Look not found");
        if (e.hasNonNull("merge_result_id") && st.mergeQueries.get(JsonNodes.text(e, "merge_result_id")) == null) {
            throw ApiError.validation("merge_result_id", "invalid", "Merge query not found");
        }
    }

    private ApiResponse updateElement(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode e = need(st.elements, r.param("dashboard_element_id")).deepCopy();
            String dash = JsonNodes.text(e, "dashboard_id");
            Shaper.mergeWritable("DashboardElement", b, e);
            resolveRefs(b, e);
            e.put("dashboard_id", dash);
            st.elements.put(id(JsonNodes.text(e, "id")), e);
            touchDashboard(st.dashboards.get(dash), r.userId());
            return one(r, v.element(e));
        });
    }

    private void touchDashboard(ObjectNode d, String user) {
        if (d == null) return;
        ObjectNode n = d.deepCopy();
        n.put("updated_at", st.nowIso()).put("last_updater_id", user);
        st.dashboards.put(id(JsonNodes.text(n, "id")), n);
    }

    private ObjectNode activeLayout(String dashboardId) {
        for (long l : st.layouts.children(dashboardId)) {
            ObjectNode n = st.layouts.get(l);
            if (n.path("active").asBoolean()) return n;
        }
        return null;
    }

    private void addComponent(ObjectNode layout, long element) {
        int row = 0;
        for (long c : st.components.children(JsonNodes.text(layout, "id"))) {
            ObjectNode cn = st.components.get(c);
            row = Math.max(row, cn.path("row").asInt() + cn.path("height").asInt());
        }
        long id = st.components.newId();
        ObjectNode c = JsonNodes.obj().put("id", s(id)).put("dashboard_layout_id", JsonNodes.text(layout, "id"))
                .put("dashboard_element_id", s(element)).put("row", row).put("column", 0).put("width", 8).put("height", 6)
                .put("deleted", false);
        c.set("can", JsonNodes.obj().put("show", true).put("update", true));
        st.components.put(id, c);
    }

    private ApiResponse createFilter(ApiRequest r) {
        JsonNode b = body(r);
        require(b, "dashboard_id", "name", "title", "type");
        return st.write(() -> {
            ObjectNode d = parentDashboard(b);
            for (ObjectNode f : kids(st.filters, d)) {
                if (b.get("name").asText().equals(JsonNodes.text(f, "name"))) throw ApiError.conflict("Filter name already exists on the dashboard");
            }
            long id = st.filters.newId();
            ObjectNode f = JsonNodes.obj().put("id", s(id)).put("allow_multiple_values", true).put("required", false);
            Shaper.mergeWritable("CreateDashboardFilter", b, f);
            f.put("dashboard_id", JsonNodes.text(d, "id"));
            f.set("listens_to_filters", b.path("listens_to_filters").isArray() ? b.get("listens_to_filters") : JsonNodes.arr());
            f.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.filters.put(id, f);
            touchDashboard(d, r.userId());
            return one(r, v.filter(f));
        });
    }

    private ApiResponse update(ApiRequest r, ItemTable t, String param, String schema, java.util.function.Function<ObjectNode, ObjectNode> render) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(t, r.param(param)).deepCopy();
            ObjectNode keep = n.deepCopy();
            Shaper.mergeWritable(schema, b, n);
            for (String fixed : new String[]{"dashboard_id", "dashboard_layout_id", "dashboard_element_id"}) {
                if (keep.has(fixed)) n.set(fixed, keep.get(fixed));
            }
            t.put(id(JsonNodes.text(n, "id")), n);
            return one(r, render.apply(n));
        });
    }

    private ApiResponse remove(ItemTable t, String id) {
        return st.write(() -> {
            need(t, id);
            t.remove(id(id));
            return ApiResponse.noContent();
        });
    }

    private ApiResponse createLayout(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode d = parentDashboard(b);
            long id = st.layouts.newId();
            ObjectNode l = JsonNodes.obj().put("id", s(id)).put("type", "newspaper").put("active", false).put("deleted", false);
            Shaper.mergeWritable("DashboardLayout", b, l);
            l.put("dashboard_id", JsonNodes.text(d, "id"));
            l.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            if (l.path("active").asBoolean()) deactivateOthers(JsonNodes.text(d, "id"), id);
            st.layouts.put(id, l);
            for (ObjectNode e : kids(st.elements, d)) addComponent(l, id(JsonNodes.text(e, "id")));
            return one(r, v.layout(l));
        });
    }

    private ApiResponse updateLayout(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode l = need(st.layouts, r.param("dashboard_layout_id")).deepCopy();
            String dash = JsonNodes.text(l, "dashboard_id");
            Shaper.mergeWritable("DashboardLayout", b, l);
            l.put("dashboard_id", dash);
            if (l.path("active").asBoolean()) deactivateOthers(dash, id(JsonNodes.text(l, "id")));
            st.layouts.put(id(JsonNodes.text(l, "id")), l);
            return one(r, v.layout(l));
        });
    }

    private void deactivateOthers(String dash, long keep) {
        for (long o : st.layouts.children(dash)) {
            ObjectNode on = st.layouts.get(o);
            if (o != keep && on.path("active").asBoolean()) st.layouts.put(o, on.deepCopy().put("active", false));
        }
    }

    private ApiResponse deleteLayout(ApiRequest r) {
        return st.write(() -> {
            ObjectNode l = need(st.layouts, r.param("dashboard_layout_id"));
            if (l.path("active").asBoolean()) throw ApiError.validation("active", "invalid", "The active layout cannot be deleted");
            for (long c : st.components.children(JsonNodes.text(l, "id"))) st.components.remove(c);
            st.layouts.remove(id(JsonNodes.text(l, "id")));
            return ApiResponse.noContent();
        });
    }
}
