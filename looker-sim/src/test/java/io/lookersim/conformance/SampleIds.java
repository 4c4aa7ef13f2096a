package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Real ids of a generated instance, read from its list answers (each one checked against the spec on the way),
 * keyed by the path parameter names of the spec ({@code dashboard_id}, {@code lookml_model_name}, ...). It looks
 * for rich examples: a dashboard with elements, filters and layout components, a user with an email login, etc.
 * Not thread-safe; built once per test class.
 */
public final class SampleIds {
    private static final int SCAN = 60;
    private final CheckedApi api;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> lookupFailures = new LinkedHashMap<>();

    private SampleIds(CheckedApi api) {
        this.api = api;
    }

    public static SampleIds collect(CheckedApi api) {
        SampleIds s = new SampleIds(api);
        s.attempt("content", s::content);
        s.attempt("identity", s::identity);
        s.attempt("others", s::others);
        return s;
    }

    /** The id for a path parameter; fails naming what the generated content lacks. */
    public String get(String param) {
        String id = ids.get(param);
        if (id == null) {
            throw new AssertionError("the generated instance has no example for {" + param + "}; found: " + ids.keySet()
                    + (lookupFailures.isEmpty() ? "" : "; lookups that failed: " + lookupFailures));
        }
        return id;
    }

    /** A failed lookup only fails the operations that need its ids, not the whole class. */
    private void attempt(String what, Runnable lookup) {
        try {
            lookup.run();
        } catch (AssertionError | RuntimeException e) {
            lookupFailures.put(what, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** Fills every {param} of a spec path template. */
    public String fill(String template) {
        String out = template;
        int open;
        while ((open = out.indexOf('{')) >= 0) {
            int close = out.indexOf('}', open);
            out = out.substring(0, open) + get(out.substring(open + 1, close)) + out.substring(close + 1);
        }
        return out;
    }

    private void put(String param, JsonNode node, String field) {
        if (node != null && node.hasNonNull(field)) {
            ids.putIfAbsent(param, node.get(field).asText());
        }
    }

    private JsonNode first(JsonNode list, Predicate<JsonNode> test) {
        if (list != null) {
            for (JsonNode n : list) {
                if (test.test(n)) {
                    return n;
                }
            }
        }
        return list != null && list.size() > 0 ? list.get(0) : null;
    }

    private void content() {
        JsonNode dashboards = api.get("/dashboards/search?fields=id,folder_id&limit=" + SCAN);
        JsonNode rich = null;
        for (JsonNode d : dashboards) {
            // Unchecked here: SpecConformanceIT validates every dashboard in its own test, one failure each.
            JsonNode full = api.client().send("GET", "/dashboards/" + d.path("id").asText(), null).json();
            for (JsonNode e : full.path("dashboard_elements")) {
                put("merge_query_id", e, "merge_result_id");
            }
            if (rich == null && full.path("dashboard_elements").size() > 0 && full.path("dashboard_filters").size() > 0
                    && hasComponents(full)) {
                rich = full;
            }
        }
        rich = rich != null ? rich : api.get("/dashboards/" + dashboards.get(0).path("id").asText());
        put("dashboard_id", rich, "id");
        put("folder_id", rich, "folder_id");
        put("content_metadata_id", rich, "content_metadata_id");
        JsonNode element = first(rich.path("dashboard_elements"), e -> e.hasNonNull("query_id"));
        put("dashboard_element_id", element, "id");
        put("dashboard_filter_id", first(rich.path("dashboard_filters"), f -> true), "id");
        JsonNode layout = first(rich.path("dashboard_layouts"), l -> l.path("active").asBoolean());
        put("dashboard_layout_id", layout, "id");
        put("dashboard_layout_component_id", first(layout == null ? null : layout.path("dashboard_layout_components"),
                c -> true), "id");
        JsonNode look = first(api.get("/looks/search?fields=id,query_id&limit=1"), l -> true);
        put("look_id", look, "id");
        put("query_id", look, "query_id");
        JsonNode folder = api.get("/folders/" + get("folder_id"));
        put("parent_content_metadata_id", folder, "content_metadata_id");
    }

    private static boolean hasComponents(JsonNode dashboard) {
        for (JsonNode l : dashboard.path("dashboard_layouts")) {
            if (l.path("dashboard_layout_components").size() > 0) {
                return true;
            }
        }
        return false;
    }

    private void identity() {
        attempt("users", () -> put("user_id", first(api.get("/users/search?fields=id,email,credentials_email&limit="
                + SCAN), u -> u.hasNonNull("credentials_email")), "id"));
        attempt("groups", () -> put("group_id", first(api.get("/groups?fields=id,user_count&limit=" + SCAN),
                g -> g.path("user_count").asInt() > 0), "id"));
        attempt("roles", () -> put("role_id", first(api.get("/roles?fields=id,name"), r -> true), "id"));
        attempt("permission_sets", () -> put("permission_set_id", first(api.get("/permission_sets?fields=id"), p -> true),
                "id"));
        attempt("model_sets", () -> put("model_set_id", first(api.get("/model_sets?fields=id"), m -> true), "id"));
        attempt("credentials_api3", () -> put("credentials_api3_id", first(api.get("/users/" + get("user_id")
                + "/credentials_api3"), k -> true), "id"));
        // search_users_names takes a LIKE pattern in the path: "API%" (%25 in the URL) matches the API user.
        ids.put("pattern", "API%25");
        attempt("user_attributes", () -> put("user_attribute_id", first(api.get("/user_attributes?fields=id,is_system"),
                a -> !a.path("is_system").asBoolean()), "id"));
    }

    private void others() {
        attempt("scheduled_plans", () -> put("scheduled_plan_id",
                first(api.get("/scheduled_plans?all_users=true&fields=id"), p -> true), "id"));
        attempt("boards", () -> put("board_id", first(api.get("/boards?fields=id"), b -> true), "id"));
        attempt("board_sections", () -> put("board_section_id", first(api.get("/board_sections?fields=id"), b -> true), "id"));
        attempt("board_items", () -> put("board_item_id", first(api.get("/board_items?fields=id"), b -> true), "id"));
        attempt("alerts", () -> put("alert_id", first(api.get("/alerts/search?all_owners=true&fields=id"), a -> true), "id"));
        attempt("lookml_models", () -> {
            JsonNode model = first(api.get("/lookml_models?fields=name,explores"), m -> m.path("explores").size() > 0);
            put("lookml_model_name", model, "name");
            put("explore_name", model == null ? null : first(model.path("explores"), e -> true), "name");
        });
        attempt("color_collections", () -> put("collection_id", first(api.get("/color_collections"), c -> true), "id"));
        attempt("datagroups", () -> put("datagroup_id", first(api.get("/datagroups"), d -> true), "id"));
        attempt("themes", () -> put("theme_id", first(api.get("/themes?fields=id"), t -> true), "id"));
        attempt("integration_hubs", () -> put("integration_hub_id", first(api.get("/integration_hubs?fields=id"), h -> true), "id"));
        attempt("integrations", () -> put("integration_id", first(api.get("/integrations?fields=id"), i -> true), "id"));
        instance();
    }

    /** Issue #11: what makes the instance work (connections, SSH, projects, OAuth apps). */
    private void instance() {
        attempt("connections", () -> put("connection_name", first(api.get("/connections"), c -> c.hasNonNull("tunnel_id")), "name"));
        attempt("ssh_servers", () -> put("ssh_server_id", first(api.get("/ssh_servers"), s -> true), "ssh_server_id"));
        attempt("oauth_client_apps", () -> put("client_guid", first(api.get("/oauth_client_apps"), a -> true), "client_guid"));
        attempt("projects", () -> put("project_id", first(api.get("/projects"), p -> true), "id"));
        attempt("ssh_tunnels", () -> put("ssh_tunnel_id", first(api.get("/ssh_tunnels"), t -> true), "tunnel_id"));
    }
}
