package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.conformance.ApiClient.Answer;

/**
 * Error answers where Looker gives them (NOTES §6, §7, §2): 404 for unknown ids, paths and bad logins, 400 for a
 * body that is not JSON, 401 without a
 * valid token, 405 on built-in roles/sets, 409 on a slug conflict, 422 with ValidationError details. Bodies are
 * validated against the operation's declared error schema by {@link CheckedApi}.
 */
final class ErrorChecks {
    private final CheckedApi api;
    private final SampleIds ids;

    ErrorChecks(CheckedApi api, SampleIds ids) {
        this.api = api;
        this.ids = ids;
    }

    void run() {
        notFound();
        badRequest();
        unauthorized();
        validation();
        conflict();
        builtInsCannotBeModified();
    }

    private void notFound() {
        api.error(404, "GET", "/dashboards/987654321", null);
        api.error(404, "GET", "/looks/987654321", null);
        api.error(404, "GET", "/folders/987654321", null);
        api.error(404, "GET", "/users/987654321", null);
        api.error(404, "DELETE", "/dashboards/987654321", null);
        Answer badLogin = api.client().loginWith("no-such-client", "wrong");
        api.check(badLogin, new int[] {404}, "/login");
        Answer noRoute = api.client().send("GET", "/no_such_endpoint", null);
        assertThat(noRoute.status()).as("unknown path").isEqualTo(404);
        assertThat(noRoute.json().path("message").asText()).as("unknown path: Error body").isNotEmpty();
    }

    private void badRequest() {
        JsonNode e = api.error(400, "POST", "/folders", "{\"name\": \"unterminated");
        assertThat(e.path("message").asText()).isNotEmpty();
    }

    private void unauthorized() {
        for (String auth : new String[] {null, "token not-a-token", "Bearer not-a-token"}) {
            Answer a = api.client().sendUrl("GET", api.client().apiUrl("/user"), null, auth);
            api.check(a, new int[] {401}, "/user");
            assertThat(a.json().path("message").asText()).as("401 message").isNotEmpty();
        }
        Answer bearer = api.client().sendUrl("GET", api.client().apiUrl("/user"), null,
                "Bearer " + api.client().token());
        assertThat(bearer.status()).as("Bearer scheme is accepted like token (NOTES §6)").isEqualTo(200);
        Answer upper = api.client().sendUrl("GET", api.client().apiUrl("/user"), null,
                "TOKEN " + api.client().token());
        assertThat(upper.status()).as("the scheme is case-insensitive (NOTES §6)").isEqualTo(200);
        Answer versions = api.client().sendUrl("GET", api.client().apiUrl("/versions"), null, null);
        api.check(versions, new int[] {200}, "/versions");
    }

    private void validation() {
        ObjectNode noName = ApiClient.JSON.createObjectNode().put("parent_id", ids.get("folder_id"));
        JsonNode e = api.error(422, "POST", "/folders", noName);
        assertThat(e.path("errors").isArray() && e.path("errors").size() > 0).as("422 errors[]").isTrue();
        assertThat(e.path("errors").get(0).path("field").asText()).isEqualTo("name");
        ObjectNode unknownModel = ApiClient.JSON.createObjectNode().put("model", "no_such_model").put("view", "x");
        api.error(422, "POST", "/queries", unknownModel);
        ObjectNode filter = ApiClient.JSON.createObjectNode().put("dashboard_id", ids.get("dashboard_id"));
        api.error(422, "POST", "/dashboard_filters", filter);
    }

    private void conflict() {
        String slug = "conformance-slug-" + ids.get("dashboard_id");
        ObjectNode d = ApiClient.JSON.createObjectNode().put("title", "Slug owner").put("slug", slug)
                .put("folder_id", ids.get("folder_id"));
        JsonNode created = api.call(200, "POST", "/dashboards", d);
        d.put("title", "Slug thief");
        api.error(409, "POST", "/dashboards", d);
        api.call(204, "DELETE", "/dashboards/" + created.path("id").asText(), null);
    }

    private void builtInsCannotBeModified() {
        String role = builtIn("/roles?fields=id,name,permission_set(built_in)", "permission_set");
        String permissionSet = builtIn("/permission_sets?fields=id,built_in", null);
        String modelSet = builtIn("/model_sets?fields=id,built_in", null);
        api.error(405, "DELETE", "/permission_sets/" + permissionSet, null);
        api.error(405, "DELETE", "/model_sets/" + modelSet, null);
        api.error(405, "PATCH", "/permission_sets/" + permissionSet,
                ApiClient.JSON.createObjectNode().put("name", "Renamed built-in"));
        if (role != null) {
            api.error(405, "DELETE", "/roles/" + role, null);
        }
    }

    /** The id of a built-in item of a list; for roles, one whose permission set is built in (Admin). */
    private String builtIn(String path, String nested) {
        for (JsonNode n : api.get(path)) {
            JsonNode flag = nested == null ? n.path("built_in") : n.path(nested).path("built_in");
            if (flag.asBoolean(false)) {
                return n.path("id").asText();
            }
        }
        if (nested != null) {
            return null;
        }
        throw new AssertionError("no built-in item in " + path + " (a fresh Looker has Admin sets, NOTES §10.2)");
    }
}
