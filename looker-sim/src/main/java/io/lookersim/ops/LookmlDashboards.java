package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.Models;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * LookML dashboards (ids "model::name"): defined in a LookML project, so read-only through the API. Two per project
 * model, present while their model is (a deployed project brings its dashboards, at any scale; deleting the model
 * takes them away). all_dashboards lists them (search_dashboards does not), dashboard(id) and dashboard_lookml read
 * them, writes answer 405. import_lookml_dashboard makes a user-defined copy linked by {@code lookml_link_id};
 * sync_lookml_dashboard rebuilds the linked copies' filters and tiles from the LookML. The definitions are
 * immutable; writes go through the dashboard and part operations: thread-safe.
 */
final class LookmlDashboards {
    private static final String[] NAMES = {"overview", "kpi_summary"};
    private final Store st;
    private final Views v;
    private final List<ObjectNode> all = new ArrayList<>();

    LookmlDashboards(Store st, Views v) {
        this.st = st;
        this.v = v;
        for (Models.Model m : Models.ALL) {
            for (int i = 0; i < NAMES.length; i++) all.add(LookmlDefinitions.dashboard(m, NAMES[i], m.explores().get(i)));
        }
    }

    static boolean isLookml(String id) { return id != null && id.contains("::"); }

    private boolean deployed(ObjectNode d) { return st.lookmlModels.containsKey(d.path("model").path("id").asText()); }

    ObjectNode get(String id) {
        for (ObjectNode d : all) if (JsonNodes.text(d, "id").equals(id) && deployed(d)) return d;
        throw ApiError.notFound();
    }

    /** Appends the LookML dashboards of the deployed models to an all_dashboards answer. */
    ApiResponse appendTo(ApiRequest r, ApiResponse list) {
        ArrayNode a = ((ArrayNode) list.body()).deepCopy();
        for (ObjectNode d : all) if (deployed(d)) a.add(Listing.one(r, Shaper.shape("DashboardBase", d)));
        return ApiResponse.ok(a);
    }

    ApiResponse lookml(ObjectNode d) {
        String id = JsonNodes.text(d, "id");
        StringBuilder text = new StringBuilder("---\n- dashboard: ").append(id.substring(id.indexOf("::") + 2))
                .append("\n  title: \"").append(JsonNodes.text(d, "title")).append("\"\n  layout: newspaper\n  preferred_viewer: dashboards-next\n  elements:\n");
        for (JsonNode e : d.path("dashboard_elements")) text.append("  - title: \"").append(e.path("title").asText()).append("\"\n");
        return ApiResponse.ok(Shaper.shape("DashboardLookml", JsonNodes.obj().put("dashboard_id", id).put("lookml", text.toString())));
    }

    /** POST /dashboards/{lookml_dashboard_id}/import/{space_id}: a user-defined copy in the folder, linked back. */
    ApiResponse importInto(Api api, ApiRequest r) {
        ObjectNode lk = get(r.param("lookml_dashboard_id"));
        String folder = r.param("space_id");
        JsonNode b = r.body() != null && r.body().isObject() ? r.body() : JsonNodes.obj();
        return st.write(() -> {
            if (st.folders.get(folder) == null) throw ApiError.notFound();
            ObjectNode create = JsonNodes.obj().put("title", b.hasNonNull("title") ? b.get("title").asText() : JsonNodes.text(lk, "title"))
                    .put("description", JsonNodes.text(lk, "description")).put("folder_id", folder).put("lookml_link_id", JsonNodes.text(lk, "id"));
            String id = call(api, r, "create_dashboard", Map.of(), create).path("id").asText();
            build(api, r, lk, id);
            return ApiResponse.ok(Listing.one(r, v.dashboard(st.dashboards.get(id))));
        });
    }

    /** PATCH /dashboards/{lookml_dashboard_id}/sync: every linked copy (or those of dashboard_ids) rebuilt; their ids. */
    ApiResponse sync(Api api, ApiRequest r) {
        ObjectNode lk = get(r.param("lookml_dashboard_id"));
        String q = r.q("dashboard_ids");
        Set<String> only = q == null ? null : new HashSet<>(ApiRequest.csv(q));
        return st.write(() -> {
            ArrayNode synced = JsonNodes.arr();
            List<String> linked = new ArrayList<>();
            // only dashboards written through the API can carry a link: generated ones never do
            st.dashboards.overlay().forEach((k, d) -> {
                if (d != null && JsonNodes.text(lk, "id").equals(JsonNodes.text(d, "lookml_link_id")) && !d.path("deleted").asBoolean()
                        && (only == null || only.contains(Long.toString(k)))) linked.add(Long.toString(k));
            });
            for (String id : linked) {
                for (long e : st.elements.children(id)) call(api, r, "delete_dashboard_element", Map.of("dashboard_element_id", Long.toString(e)), null);
                for (long f : st.filters.children(id)) call(api, r, "delete_dashboard_filter", Map.of("dashboard_filter_id", Long.toString(f)), null);
                call(api, r, "update_dashboard", Map.of("dashboard_id", id), JsonNodes.obj().put("description", JsonNodes.text(lk, "description")));
                build(api, r, lk, id);
                synced.add(Long.parseLong(id));
            }
            return ApiResponse.ok(synced);
        });
    }

    /** Filters first (tiles listen to them by name), then tiles with their queries. Caller holds the write lock. */
    private void build(Api api, ApiRequest r, ObjectNode lk, String dashboardId) {
        for (JsonNode f : lk.path("dashboard_filters")) {
            ObjectNode body = ((ObjectNode) f).deepCopy().put("dashboard_id", dashboardId);
            body.remove("id");
            call(api, r, "create_dashboard_filter", Map.of(), body);
        }
        for (JsonNode e : lk.path("dashboard_elements")) {
            ObjectNode body = JsonNodes.obj().put("dashboard_id", dashboardId).put("title", JsonNodes.text(e, "title"))
                    .put("type", JsonNodes.text(e, "type")).put("body_text", JsonNodes.text(e, "body_text"))
                    .put("title_text", JsonNodes.text(e, "title_text"));
            if (e.path("query").isObject()) {
                ObjectNode query = ((ObjectNode) e.get("query")).deepCopy();
                query.remove("id");
                body.set("query", query);
                body.set("result_maker", e.get("result_maker"));
            }
            call(api, r, "create_dashboard_element", Map.of(), body);
        }
    }

    private static JsonNode call(Api api, ApiRequest r, String op, Map<String, String> params, JsonNode body) {
        ApiResponse a = api.handler(op).apply(new ApiRequest("POST", r.path(), op, params, Map.of(), body, new byte[0], r.absoluteUrl(), r.userId()));
        return a.body() == null ? JsonNodes.obj() : a.body();
    }

    /** Wraps a handler so that LookML dashboard ids get the read-only behaviour. */
    static Function<ApiRequest, ApiResponse> guard(Function<ApiRequest, ApiResponse> h, Function<ApiRequest, ApiResponse> lookml) {
        return r -> isLookml(r.param("dashboard_id")) ? lookml.apply(r) : h.apply(r);
    }

    static ApiResponse notModifiable(ApiRequest r) { throw ApiError.notAllowed("Resource Can't Be Modified"); }
}
