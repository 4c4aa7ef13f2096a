package io.lookersim.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceLayout;
import io.lookersim.gen.Models;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * LookML dashboards (ids "model::name"): defined in LookML, so read-only through the API. all_dashboards lists them
 * (search_dashboards does not), dashboard(id) and dashboard_lookml read them, writes answer 405. Two per model on
 * any non-empty instance. Immutable: thread-safe.
 */
final class LookmlDashboards {
    private static final String[] NAMES = {"overview", "kpi_summary"};
    private final List<ObjectNode> all = new ArrayList<>();

    LookmlDashboards(InstanceLayout plan) {
        if (plan.scale() == 0) return;
        for (Models.Model m : Models.ALL) {
            for (String n : NAMES) {
                String id = m.name() + "::" + n;
                ObjectNode d = JsonNodes.obj().put("id", id).put("title", m.label() + " " + (n.equals("overview") ? "Overview" : "KPI Summary"))
                        .put("description", "LookML dashboard of the " + m.name() + " model").put("hidden", false).put("readonly", true)
                        .put("slug", id).put("folder_id", "lookml").put("preferred_viewer", "dashboards-next").put("deleted", false)
                        .put("edit_uri", "/projects/" + m.project() + "/files/" + n + ".dashboard.lookml").put("url", "/dashboards/" + id);
                d.putObject("model").put("id", m.name()).put("label", m.label());
                d.set("can", JsonNodes.obj().put("index", true).put("show", true).put("copy", true).put("run", true));
                d.set("dashboard_elements", JsonNodes.arr());
                d.set("dashboard_filters", JsonNodes.arr());
                d.set("dashboard_layouts", JsonNodes.arr());
                all.add(d);
            }
        }
    }

    static boolean isLookml(String id) { return id != null && id.contains("::"); }

    ObjectNode get(String id) {
        for (ObjectNode d : all) if (JsonNodes.text(d, "id").equals(id)) return d;
        throw ApiError.notFound();
    }

    /** Appends the LookML dashboards to an all_dashboards answer. */
    ApiResponse appendTo(ApiRequest r, ApiResponse list) {
        ArrayNode a = ((ArrayNode) list.body()).deepCopy();
        for (ObjectNode d : all) a.add(Listing.one(r, Shaper.shape("DashboardBase", d)));
        return ApiResponse.ok(a);
    }

    ApiResponse lookml(ObjectNode d) {
        String id = JsonNodes.text(d, "id");
        String text = "---\n- dashboard: " + id.substring(id.indexOf("::") + 2) + "\n  title: \"" + JsonNodes.text(d, "title")
                + "\"\n  layout: newspaper\n  preferred_viewer: dashboards-next\n  elements: []\n";
        return ApiResponse.ok(Shaper.shape("DashboardLookml", JsonNodes.obj().put("dashboard_id", id).put("lookml", text)));
    }

    /** Wraps a handler so that LookML dashboard ids get the read-only behaviour. */
    static Function<ApiRequest, ApiResponse> guard(Function<ApiRequest, ApiResponse> h, Function<ApiRequest, ApiResponse> lookml) {
        return r -> isLookml(r.param("dashboard_id")) ? lookml.apply(r) : h.apply(r);
    }

    static ApiResponse notModifiable(ApiRequest r) { throw ApiError.notAllowed("Resource Can't Be Modified"); }

}
