package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.conformance.ApiClient.Answer;

/** Writes of identity, access, boards, schedules, alerts, models, themes and sessions; helpers for all writes. */
class MoreWriteScenarios {
    final CheckedApi api;
    final SampleIds ids;

    MoreWriteScenarios(CheckedApi api, SampleIds ids) {
        this.api = api;
        this.ids = ids;
    }

    static ObjectNode obj() {
        return ApiClient.JSON.createObjectNode();
    }

    static ArrayNode arr(String... values) {
        ArrayNode a = ApiClient.JSON.createArrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static String id(JsonNode n) {
        return n.path("id").asText();
    }

    String sharedRoot() {
        JsonNode roots = api.get("/folders/search?is_shared_root=true");
        assertThat(roots).as("one shared root folder").hasSize(1);
        return id(roots.get(0));
    }

    String[] modelAndExplore() {
        return new String[] {ids.get("lookml_model_name"), ids.get("explore_name")};
    }

    ObjectNode queryBody() {
        String[] me = modelAndExplore();
        ObjectNode q = obj().put("model", me[0]).put("view", me[1]);
        q.set("fields", arr(me[1] + ".count"));
        return q;
    }

    JsonNode query() {
        return api.call(200, "POST", "/queries", queryBody());
    }

    void usersAndGroups() {
        JsonNode u = api.call(200, "POST", "/users", obj().put("first_name", "Zoë").put("last_name", "Conformance"));
        String user = id(u);
        api.call(200, "POST", "/users/" + user + "/credentials_email", obj().put("email", "zoe.conformance@example.com"));
        assertThat(api.get("/users/" + user + "/credentials_email").path("email").asText())
                .isEqualTo("zoe.conformance@example.com");
        assertThat(api.call(200, "PATCH", "/users/" + user, obj().put("last_name", "Checked")).path("last_name").asText())
                .isEqualTo("Checked");
        String role = ids.get("role_id");
        JsonNode roles = api.call(200, "PUT", "/users/" + user + "/roles", arr(role));
        assertThat(roles).anyMatch(r -> id(r).equals(role));
        String attribute = ids.get("user_attribute_id");
        api.call(200, "PATCH", "/users/" + user + "/attribute_values/" + attribute, obj().put("value", "v1"));
        api.get("/users/" + user + "/attribute_values");
        api.call(204, "DELETE", "/users/" + user + "/attribute_values/" + attribute, null);
        String g1 = id(api.call(200, "POST", "/groups", obj().put("name", "Conformance group A")));
        String g2 = id(api.call(200, "POST", "/groups", obj().put("name", "Conformance group B")));
        api.call(200, "PATCH", "/groups/" + g1, obj().put("name", "Conformance group A2"));
        api.call(200, "POST", "/groups/" + g1 + "/users", obj().put("user_id", user));
        assertThat(api.get("/groups/" + g1 + "/users")).anyMatch(x -> id(x).equals(user));
        api.call(200, "POST", "/groups/" + g1 + "/groups", obj().put("group_id", g2));
        assertThat(api.get("/groups/" + g1 + "/groups")).anyMatch(x -> id(x).equals(g2));
        api.call(204, "DELETE", "/groups/" + g1 + "/users/" + user, null);
        api.call(204, "DELETE", "/groups/" + g1 + "/groups/" + g2, null);
        api.call(204, "DELETE", "/groups/" + g2, null);
        api.call(204, "DELETE", "/groups/" + g1, null);
        api.call(204, "DELETE", "/users/" + user, null);
        api.error(404, "GET", "/users/" + user, null);
    }

    void rolesAndSets() {
        JsonNode permissions = api.get("/permissions");
        String permission = permissions.get(0).path("permission").asText();
        String ps = id(api.call(200, "POST", "/permission_sets", obj().put("name", "Conformance perms")
                .set("permissions", arr(permission, "access_data"))));
        api.call(200, "PATCH", "/permission_sets/" + ps, obj().put("name", "Conformance perms 2"));
        api.get("/permission_sets/search?name=Conformance%25");
        String ms = id(api.call(200, "POST", "/model_sets", obj().put("name", "Conformance models")
                .set("models", arr(modelAndExplore()[0]))));
        api.call(200, "PATCH", "/model_sets/" + ms, obj().put("name", "Conformance models 2"));
        api.get("/model_sets/search?name=Conformance%25");
        String role = id(api.call(200, "POST", "/roles", obj().put("name", "Conformance role")
                .put("permission_set_id", ps).put("model_set_id", ms)));
        api.call(200, "PATCH", "/roles/" + role, obj().put("name", "Conformance role 2"));
        api.get("/roles/search?name=Conformance%25");
        api.call(200, "PUT", "/roles/" + role + "/groups", arr(ids.get("group_id")));
        api.call(200, "PUT", "/roles/" + role + "/users", arr(ids.get("user_id")));
        api.call(204, "DELETE", "/roles/" + role, null);
        api.call(204, "DELETE", "/model_sets/" + ms, null);
        api.call(204, "DELETE", "/permission_sets/" + ps, null);
    }

    void userAttributes() {
        JsonNode a = api.call(200, "POST", "/user_attributes", obj().put("name", "conformance_region")
                .put("label", "Région").put("type", "string").put("default_value", "EU"));
        String id = id(a);
        api.call(200, "PATCH", "/user_attributes/" + id, obj().put("label", "Region"));
        ArrayNode values = ApiClient.JSON.createArrayNode();
        values.add(obj().put("group_id", ids.get("group_id")).put("value", "US"));
        JsonNode set = api.call(200, "POST", "/user_attributes/" + id + "/group_values", values);
        assertThat(set).hasSize(1);
        assertThat(api.get("/user_attributes/" + id + "/group_values")).hasSize(1);
        api.call(204, "DELETE", "/user_attributes/" + id, null);
    }

    void contentAccess() {
        String cm = ids.get("parent_content_metadata_id");
        JsonNode meta = api.call(200, "PATCH", "/content_metadata/" + cm, obj().put("inherits", false));
        assertThat(meta.path("inherits").asBoolean(true)).isFalse();
        JsonNode access = api.call(200, "POST", "/content_metadata_access", obj().put("content_metadata_id", cm)
                .put("permission_type", "view").put("group_id", ids.get("group_id")));
        JsonNode updated = api.call(200, "PUT", "/content_metadata_access/" + id(access),
                obj().put("content_metadata_id", cm).put("permission_type", "edit").put("group_id", ids.get("group_id")));
        assertThat(updated.path("permission_type").asText()).isEqualTo("edit");
        api.call(204, "DELETE", "/content_metadata_access/" + id(access), null);
    }

    void boards() {
        String board = id(api.call(200, "POST", "/boards", obj().put("title", "Conformance board").put("description", "d")));
        api.call(200, "PATCH", "/boards/" + board, obj().put("title", "Conformance board 2"));
        api.get("/boards/search?title=Conformance%25");
        String section = id(api.call(200, "POST", "/board_sections", obj().put("board_id", board).put("title", "S")));
        api.call(200, "PATCH", "/board_sections/" + section, obj().put("title", "Section"));
        String item = id(api.call(200, "POST", "/board_items", obj().put("board_section_id", section)
                .put("dashboard_id", ids.get("dashboard_id"))));
        api.call(200, "PATCH", "/board_items/" + item, obj().put("order", 2));
        api.call(204, "DELETE", "/board_items/" + item, null);
        api.call(204, "DELETE", "/board_sections/" + section, null);
        api.call(204, "DELETE", "/boards/" + board, null);
        api.error(404, "GET", "/boards/" + board, null);
    }

    void scheduledPlans() {
        ObjectNode plan = obj().put("name", "Conformance schedule").put("dashboard_id", ids.get("dashboard_id"))
                .put("crontab", "0 6 * * 1");
        ArrayNode dests = ApiClient.JSON.createArrayNode();
        dests.add(obj().put("type", "email").put("format", "wysiwyg_pdf").put("address", "ops@example.com"));
        plan.set("scheduled_plan_destination", dests);
        String id = id(api.call(200, "POST", "/scheduled_plans", plan));
        api.call(200, "PATCH", "/scheduled_plans/" + id, obj().put("crontab", "0 7 * * 1"));
        api.get("/scheduled_plans/dashboard/" + ids.get("dashboard_id") + "?all_users=true");
        api.call(204, "DELETE", "/scheduled_plans/" + id, null);
    }

    void alerts() {
        ObjectNode alert = obj().put("comparison_type", "GREATER_THAN").put("cron", "0 5 * * *").put("threshold", 100)
                .put("dashboard_element_id", ids.get("dashboard_element_id")).put("owner_id", me());
        alert.set("field", obj().put("title", "Count").put("name", modelAndExplore()[1] + ".count"));
        ArrayNode dests = ApiClient.JSON.createArrayNode();
        dests.add(obj().put("destination_type", "EMAIL").put("email_address", "alerts@example.com"));
        alert.set("destinations", dests);
        JsonNode created = api.call(200, "POST", "/alerts", alert);
        alert.put("threshold", 200);
        JsonNode updated = api.call(200, "PUT", "/alerts/" + id(created), alert);
        assertThat(updated.path("threshold").asDouble()).isEqualTo(200.0);
        api.call(204, "DELETE", "/alerts/" + id(created), null);
    }

    void lookmlModels() {
        ObjectNode m = obj().put("name", "conformance_model").put("project_name", "conformance")
                .put("unlimited_db_connections", true);
        api.call(200, "POST", "/lookml_models", m);
        api.call(200, "PATCH", "/lookml_models/conformance_model", obj().put("project_name", "conformance2"));
        api.call(204, "DELETE", "/lookml_models/conformance_model", null);
    }

    void themes() {
        ObjectNode t = obj().put("name", "conformance_theme");
        t.set("settings", obj().put("background_color", "#ffffff"));
        String id = id(api.call(200, "POST", "/themes", t));
        api.call(200, "PATCH", "/themes/" + id, obj().put("name", "conformance_theme_2"));
        api.get("/themes/search?name=conformance%25");
        api.call(204, "DELETE", "/themes/" + id, null);
        api.call(204, "POST", "/themes/validate", t);
        JsonNode invalid = api.error(422, "POST", "/themes/validate", obj().set("settings", obj().put("font_family", "Arial;")));
        assertThat(invalid.path("errors")).extracting(e -> e.path("field").asText()).containsExactly("name", "font_family");
        assertThat(api.get("/themes/default").path("name").asText()).isEqualTo("Looker");
    }

    /** The default collection is instance state: set it to another standard collection, read it back, restore it. */
    void colorCollections() {
        String current = id(api.get("/color_collections/default"));
        String other = null;
        for (JsonNode c : api.get("/color_collections")) {
            if (!id(c).equals(current)) {
                other = id(c);
            }
        }
        assertThat(other).as("a second standard collection").isNotNull();
        assertThat(id(api.call(200, "PUT", "/color_collections/default?collection_id=" + other, null))).isEqualTo(other);
        assertThat(id(api.get("/color_collections/default"))).isEqualTo(other);
        api.error(404, "PUT", "/color_collections/default?collection_id=no-such-collection", null);
        api.call(200, "PUT", "/color_collections/default?collection_id=" + current, null);
    }

    /** sdk-codegen issue 544: an empty hidden_value_domain_whitelist is refused with Looker's message. */
    void hiddenValueDomainWhitelist() {
        ObjectNode a = obj().put("name", "conformance_git_username").put("label", "Git Username").put("type", "string")
                .put("value_is_hidden", false).put("hidden_value_domain_whitelist", "");
        JsonNode e = api.error(422, "POST", "/user_attributes", a);
        assertThat(e.path("errors").path(0).path("message").asText())
                .contains("hidden_value_domain_whitelist must be a comma-separated list of urls with optional wildcards");
        a.put("name", "conformance_git_password").put("value_is_hidden", true)
                .put("hidden_value_domain_whitelist", "https://github.example.com/*,https://*.example.org");
        api.call(204, "DELETE", "/user_attributes/" + id(api.call(200, "POST", "/user_attributes", a)), null);
    }

    void sessions(String clientId, String clientSecret) {
        ApiClient second = new ApiClient(api.client().baseUrl(), clientId, clientSecret);
        api.check(second.login(), new int[] {200}, "/login");
        Answer sudo = second.send("POST", "/login/" + ids.get("user_id"), null);
        api.check(sudo, new int[] {200}, "/login/" + ids.get("user_id"));
        Answer asUser = second.sendUrl("GET", second.apiUrl("/user"), null,
                "token " + sudo.json().path("access_token").asText());
        assertThat(asUser.status()).isEqualTo(200);
        assertThat(asUser.json().path("id").asText()).as("login_user's token acts as that user")
                .isEqualTo(ids.get("user_id"));
        Answer out = second.send("DELETE", "/logout", null);
        api.check(out, new int[] {204}, "/logout");
        Answer after = second.send("GET", "/user", null);
        api.check(after, new int[] {401}, "/user");
    }

    /** Unchecked: only the id is needed here; the read tests validate {@code me}. */
    private String me() {
        return id(api.client().send("GET", "/user", null).json());
    }
}
