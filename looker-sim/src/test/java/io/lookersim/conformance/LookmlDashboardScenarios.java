package io.lookersim.conformance;

import static io.lookersim.conformance.MoreWriteScenarios.id;
import static io.lookersim.conformance.MoreWriteScenarios.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** import_lookml_dashboard and sync_lookml_dashboard: a linked copy made, damaged, and rebuilt by a sync. */
class LookmlDashboardScenarios {
    private final CheckedApi api;
    private final MoreWriteScenarios more;

    LookmlDashboardScenarios(CheckedApi api, SampleIds ids) {
        this.api = api;
        this.more = new MoreWriteScenarios(api, ids);
    }

    void importAndSync() {
        String lookml = "thelook::overview";
        JsonNode source = api.get("/dashboards/" + lookml);
        String folder = id(api.call(200, "POST", "/folders", obj().put("name", "Conformance LookML copies").put("parent_id", more.sharedRoot())));
        JsonNode copy = api.call(200, "POST", "/dashboards/" + lookml + "/import/" + folder, obj().put("title", "Overview (copy)"));
        assertThat(copy.path("lookml_link_id").asText()).isEqualTo(lookml);
        assertThat(copy.path("title").asText()).isEqualTo("Overview (copy)");
        assertThat(copy.path("folder_id").asText()).isEqualTo(folder);
        assertThat(copy.path("dashboard_elements")).hasSameSizeAs(source.path("dashboard_elements"));
        assertThat(copy.path("dashboard_filters")).hasSameSizeAs(source.path("dashboard_filters"));
        assertThat(copy.path("dashboard_elements").get(0).path("result_maker").path("filterables").get(0).path("listen").get(0)
                .path("dashboard_filter_name").asText()).isEqualTo("Date");
        // the default title is the LookML dashboard's, and a second copy in the same folder needs another title
        JsonNode second = api.call(200, "POST", "/dashboards/" + lookml + "/import/" + folder, null);
        assertThat(second.path("title").asText()).isEqualTo(source.path("title").asText());

        api.call(204, "DELETE", "/dashboard_elements/" + id(copy.path("dashboard_elements").get(0)), null);
        JsonNode synced = api.call(200, "PATCH", "/dashboards/" + lookml + "/sync?dashboard_ids=" + id(copy), null);
        assertThat(synced).hasSize(1);
        assertThat(synced.get(0).asText()).isEqualTo(id(copy));
        assertThat(api.get("/dashboards/" + id(copy)).path("dashboard_elements")).hasSameSizeAs(source.path("dashboard_elements"));
        assertThat(api.call(200, "PATCH", "/dashboards/" + lookml + "/sync", null)).hasSize(2);

        api.error(404, "POST", "/dashboards/nosuchmodel::overview/import/" + folder, null);
        api.error(404, "PATCH", "/dashboards/nosuchmodel::overview/sync", null);
        api.call(204, "DELETE", "/dashboards/" + id(copy), null);
        api.call(204, "DELETE", "/dashboards/" + id(second), null);
        api.call(204, "DELETE", "/folders/" + folder, null);
    }
}
