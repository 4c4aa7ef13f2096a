package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes whose bodies are the simulator's own answers with the readOnly properties stripped, the way a restore
 * (and gzr, NOTES §10.3) rebuilds content: a rich dashboard with its filters, queries, merged queries and elements,
 * and a look with its query. The copy must come back with the same shape. Not thread-safe.
 */
final class RoundTripScenarios {
    private final CheckedApi api;
    private final SampleIds ids;
    private final SpecValidator spec;

    RoundTripScenarios(CheckedApi api, SampleIds ids, SpecValidator spec) {
        this.api = api;
        this.ids = ids;
        this.spec = spec;
    }

    void dashboard() {
        JsonNode src = api.get("/dashboards/" + ids.get("dashboard_id"));
        ObjectNode body = strip(src, "Dashboard");
        body.remove(java.util.List.of("slug", "folder", "model"));
        body.put("title", src.path("title").asText() + " (restored)");
        String copy = api.call(200, "POST", "/dashboards", body).path("id").asText();
        for (JsonNode f : src.path("dashboard_filters")) {
            ObjectNode filter = strip(f, "CreateDashboardFilter").put("dashboard_id", copy);
            api.call(200, "POST", "/dashboard_filters", filter);
        }
        for (JsonNode e : src.path("dashboard_elements")) {
            api.call(200, "POST", "/dashboard_elements", element(e, copy));
        }
        JsonNode restored = api.get("/dashboards/" + copy);
        assertThat(restored.path("dashboard_elements").size()).isEqualTo(src.path("dashboard_elements").size());
        assertThat(restored.path("dashboard_filters").size()).isEqualTo(src.path("dashboard_filters").size());
        JsonNode active = null;
        for (JsonNode l : restored.path("dashboard_layouts")) {
            active = l.path("active").asBoolean() ? l : active;
        }
        assertThat(active).as("active layout of the restored dashboard").isNotNull();
        assertThat(active.path("dashboard_layout_components").size()).as("one component per element")
                .isEqualTo(src.path("dashboard_elements").size());
        api.call(204, "DELETE", "/dashboards/" + copy, null);
    }

    private ObjectNode element(JsonNode e, String dashboard) {
        ObjectNode body = strip(e, "DashboardElement").put("dashboard_id", dashboard);
        body.remove(java.util.List.of("look", "query", "result_maker", "result_maker_id", "dashboard_layout_id",
                "merge_result_id", "query_id"));
        if (e.path("query").isObject()) {
            body.put("query_id", createQuery(e.path("query")));
        }
        if (e.hasNonNull("merge_result_id")) {
            JsonNode merge = api.get("/merge_queries/" + e.path("merge_result_id").asText());
            ObjectNode mergeBody = strip(merge, "MergeQuery");
            mergeBody.remove("client_id");
            body.put("merge_result_id", api.call(200, "POST", "/merge_queries", mergeBody).path("id").asText());
        }
        return body;
    }

    void look() {
        JsonNode src = api.get("/looks/" + ids.get("look_id"));
        ObjectNode body = strip(src, "LookWithQuery");
        body.remove(java.util.List.of("query", "folder", "model"));
        body.put("title", src.path("title").asText() + " (restored)").put("query_id", createQuery(src.path("query")));
        JsonNode copy = api.call(200, "POST", "/looks", body);
        assertThat(copy.path("query").path("model").asText()).isEqualTo(src.path("query").path("model").asText());
        assertThat(copy.path("query").path("fields")).isEqualTo(src.path("query").path("fields"));
        api.call(204, "DELETE", "/looks/" + copy.path("id").asText(), null);
    }

    /** create_query with the query's writable properties, client_id nulled as gzr does (it must be unique). */
    private String createQuery(JsonNode query) {
        ObjectNode q = strip(query, "Query");
        q.remove("client_id");
        return api.call(200, "POST", "/queries", q).path("id").asText();
    }

    /** Spec prose: a query exactly like an existing one returns the existing one, generated content included. */
    void queryOfTheInstanceIsDeduplicated() {
        JsonNode query = api.get("/looks/" + ids.get("look_id")).path("query");
        assertThat(createQuery(query)).as("create_query with the writable properties of query " + query.path("id"))
                .isEqualTo(query.path("id").asText());
    }

    private ObjectNode strip(JsonNode answer, String schema) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(spec.readOnlyProperties(schema));
        return copy;
    }
}
