package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Create / update / delete of every content kind with valid bodies built from the generated content, each answer
 * checked by {@link CheckedApi}, plus the effects Looker has (NOTES §10.3): active layout on create, a layout
 * component per element, soft delete, cascade on delete. Identity, access, boards, schedules, alerts, models and
 * themes are in {@link MoreWriteScenarios}. Not thread-safe; one per test.
 */
class WriteScenarios extends MoreWriteScenarios {
    WriteScenarios(CheckedApi api, SampleIds ids) {
        super(api, ids);
    }

    void folders() {
        String parent = sharedRoot();
        JsonNode f = api.call(200, "POST", "/folders", obj().put("name", "Conformance ✓ folder").put("parent_id", parent));
        String id = id(f);
        assertThat(f.path("parent_id").asText()).isEqualTo(parent);
        JsonNode child = api.call(200, "POST", "/folders", obj().put("name", "child").put("parent_id", id));
        JsonNode u = api.call(200, "PATCH", "/folders/" + id, obj().put("name", "Conformance folder, renamed"));
        assertThat(u.path("name").asText()).isEqualTo("Conformance folder, renamed");
        api.get("/folders/" + id(child) + "/ancestors");
        JsonNode d = api.call(200, "POST", "/dashboards", obj().put("title", "inside").put("folder_id", id(child)));
        api.call(204, "DELETE", "/folders/" + id, null);
        api.error(404, "GET", "/folders/" + id, null);
        api.error(404, "GET", "/folders/" + id(child), null);
        api.error(404, "GET", "/dashboards/" + id(d), null);
    }

    void dashboards() {
        String folder = ids.get("folder_id");
        JsonNode d = api.call(200, "POST", "/dashboards", obj().put("title", "Conformance dashboard 📊")
                .put("description", "made by SpecConformanceIT").put("folder_id", folder).put("id", "ignored-ro"));
        String id = id(d);
        assertThat(id).as("read-only id in the body is ignored").isNotEqualTo("ignored-ro");
        JsonNode layouts = api.get("/dashboards/" + id + "/dashboard_layouts");
        assertThat(layouts).as("create_dashboard makes one active layout").hasSize(1);
        assertThat(layouts.get(0).path("active").asBoolean()).isTrue();
        String layout = id(layouts.get(0));
        JsonNode u = api.call(200, "PATCH", "/dashboards/" + id, obj().put("description", "updated")
                .put("view_count", 999).put("created_at", "2001-01-01T00:00:00.000+00:00"));
        assertThat(u.path("description").asText()).isEqualTo("updated");
        assertThat(u.path("view_count").asInt()).as("read-only view_count ignored").isNotEqualTo(999);
        assertThat(u.path("created_at")).as("read-only created_at ignored").isEqualTo(d.path("created_at"));
        assertThat(u.path("title").asText()).isEqualTo("Conformance dashboard 📊");
        String otherFolder = id(api.call(200, "POST", "/folders", obj().put("name", "move target")
                .put("parent_id", sharedRoot())));
        JsonNode moved = api.answer(new int[] {200, 201}, "PATCH", "/dashboards/" + id + "/move?folder_id=" + otherFolder,
                null).json();
        assertThat(moved.path("folder_id").asText()).isEqualTo(otherFolder);
        String filter = dashboardFilter(id);
        String element = dashboardElement(id, layout);
        layouts(id, layout);
        lookml(id, folder);
        api.call(204, "DELETE", "/dashboard_elements/" + element, null);
        api.error(404, "GET", "/dashboard_elements/" + element, null);
        api.call(204, "DELETE", "/dashboard_filters/" + filter, null);
        api.error(404, "GET", "/dashboard_filters/" + filter, null);
        String element2 = dashboardElement(id, layout);
        api.call(204, "DELETE", "/dashboards/" + id, null);
        api.error(404, "GET", "/dashboards/" + id, null);
        api.error(404, "GET", "/dashboard_elements/" + element2, null);
        api.error(404, "GET", "/dashboard_layouts/" + layout, null);
        api.call(204, "DELETE", "/folders/" + otherFolder, null);
    }

    private String dashboardFilter(String dashboard) {
        String[] me = modelAndExplore();
        JsonNode f = api.call(200, "POST", "/dashboard_filters", obj().put("dashboard_id", dashboard)
                .put("name", "created").put("title", "Created").put("type", "field_filter").put("model", me[0])
                .put("explore", me[1]).put("dimension", me[1] + ".created_date").put("default_value", "7 days"));
        JsonNode u = api.call(200, "PATCH", "/dashboard_filters/" + id(f), obj().put("title", "Created at"));
        assertThat(u.path("title").asText()).isEqualTo("Created at");
        assertThat(api.get("/dashboards/" + dashboard + "/dashboard_filters")).anyMatch(x -> id(x).equals(id(f)));
        return id(f);
    }

    private String dashboardElement(String dashboard, String layout) {
        String query = id(query());
        JsonNode e = api.call(200, "POST", "/dashboard_elements", obj().put("dashboard_id", dashboard)
                .put("type", "vis").put("title", "Tile").put("query_id", query));
        JsonNode u = api.call(200, "PATCH", "/dashboard_elements/" + id(e), obj().put("title", "Tile 2"));
        assertThat(u.path("title").asText()).isEqualTo("Tile 2");
        JsonNode components = api.get("/dashboard_layouts/" + layout + "/dashboard_layout_components");
        JsonNode component = null;
        for (JsonNode c : components) {
            if (id(e).equals(c.path("dashboard_element_id").asText())) {
                component = c;
            }
        }
        assertThat(component).as("create_dashboard_element adds a component to the active layout").isNotNull();
        JsonNode moved = api.call(200, "PATCH", "/dashboard_layout_components/" + id(component),
                obj().put("row", 4).put("column", 6).put("width", 12).put("height", 6));
        assertThat(moved.path("width").asInt()).isEqualTo(12);
        return id(e);
    }

    private void layouts(String dashboard, String active) {
        api.call(200, "PATCH", "/dashboard_layouts/" + active, obj().put("width", 24));
        JsonNode second = api.call(200, "POST", "/dashboard_layouts", obj().put("dashboard_id", dashboard)
                .put("type", "newspaper").put("active", false));
        api.get("/dashboard_layouts/" + id(second));
        api.call(204, "DELETE", "/dashboard_layouts/" + id(second), null);
        api.error(404, "GET", "/dashboard_layouts/" + id(second), null);
    }

    private void lookml(String dashboard, String folder) {
        JsonNode lookml = api.get("/dashboards/lookml/" + dashboard);
        assertThat(lookml.path("lookml").asText()).isNotEmpty();
        JsonNode imported = api.call(200, "POST", "/dashboards/lookml", obj().put("folder_id", folder)
                .put("lookml", lookml.path("lookml").asText()));
        assertThat(id(imported)).isNotEmpty();
    }

    void looks() {
        JsonNode q = query();
        JsonNode same = api.call(200, "POST", "/queries", queryBody());
        assertThat(id(same)).as("create_query de-duplicates").isEqualTo(id(q));
        String folder = ids.get("folder_id");
        JsonNode look = api.call(200, "POST", "/looks", obj().put("title", "Conformance look 👀").put("query_id", id(q))
                .put("folder_id", folder));
        String id = id(look);
        assertThat(look.path("query").path("id").asText()).isEqualTo(id(q));
        api.call(200, "PATCH", "/looks/" + id, obj().put("description", "soft deleted").put("deleted", true));
        assertThat(api.get("/looks/search?deleted=true&fields=id&id=" + id)).hasSize(1);
        assertThat(api.get("/looks/search?fields=id&id=" + id)).as("trash only with deleted=true").isEmpty();
        api.call(200, "PATCH", "/looks/" + id, obj().put("deleted", false));
        String target = id(api.call(200, "POST", "/folders", obj().put("name", "look target").put("parent_id", sharedRoot())));
        JsonNode moved = api.answer(new int[] {200, 201}, "PATCH", "/looks/" + id + "/move?folder_id=" + target, null)
                .json();
        assertThat(moved.path("folder_id").asText()).isEqualTo(target);
        api.call(204, "DELETE", "/looks/" + id, null);
        api.error(404, "GET", "/looks/" + id, null);
        mergeQuery(q);
        api.call(204, "DELETE", "/folders/" + target, null);
    }

    private void mergeQuery(JsonNode q) {
        ArrayNode sources = ApiClient.JSON.createArrayNode();
        sources.add(obj().put("query_id", id(q)).put("name", "first"));
        sources.add(obj().put("query_id", id(api.call(200, "POST", "/queries", queryBody().put("limit", "10"))))
                .put("name", "second"));
        ObjectNode body = obj();
        body.set("source_queries", sources);
        JsonNode m = api.call(200, "POST", "/merge_queries", body);
        api.get("/merge_queries/" + id(m));
    }
}
