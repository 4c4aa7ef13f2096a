package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /content_validation over the simulator's LookML catalogue: clean generated content has no errors; a tile on
 * an unknown field, a filter on an unknown explore and a look whose model was deleted each come back as an error on
 * that item, and every answer validates against the spec's ContentValidation schema.
 */
class ContentValidationIT {
    @Test
    void reportsTilesFiltersAndLooksThatNoLongerResolve() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(300).seed(3).build().start()) {
            CheckedApi api = new CheckedApi(new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret()), SpecValidator.shared());
            api.client().login();
            JsonNode clean = api.get("/content_validation");
            assertThat(clean.get("content_with_errors")).isEmpty();
            assertThat(clean.get("total_dashboard_elements_validated").asInt()).isGreaterThan(100);
            assertThat(clean.get("total_looks_validated").asInt()).isGreaterThan(50);

            String dash = post(api, "/dashboards", Map.of("title", "Broken", "folder_id", "1"));
            String q = post(api, "/queries", Map.of("model", "thelook", "view", "users", "fields", List.of("users.country", "users.nope")));
            String tile = post(api, "/dashboard_elements", Map.of("dashboard_id", dash, "query_id", q, "title", "Bad tile"));
            post(api, "/dashboard_filters", Map.of("dashboard_id", dash, "name", "F", "title", "F", "type", "field_filter",
                    "model", "thelook", "explore", "gone", "dimension", "gone.x"));
            String fq = post(api, "/queries", Map.of("model", "finance", "view", "ledger", "fields", List.of("ledger.count")));
            String look = post(api, "/looks", Map.of("title", "Ledger look", "folder_id", "1", "query_id", fq));
            api.call(204, "DELETE", "/lookml_models/finance", null);

            JsonNode v = api.get("/content_validation");
            List<String> seen = new ArrayList<>();
            for (JsonNode e : v.get("content_with_errors")) {
                JsonNode err = e.get("errors").get(0);
                if (e.path("dashboard_element").path("id").asText().equals(tile)) {
                    assertThat(e.get("dashboard").get("title").asText()).isEqualTo("Broken");
                    assertThat(err.get("field_name").asText()).isEqualTo("users.nope");
                    seen.add("tile");
                } else if (e.path("dashboard_filter").isObject() && e.path("dashboard").path("id").asText().equals(dash)) {
                    assertThat(err.get("explore_name").asText()).isEqualTo("gone");
                    seen.add("filter");
                } else if (e.path("look").path("id").asText().equals(look)) {
                    assertThat(err.get("message").asText()).contains("finance");
                    seen.add("look");
                }
            }
            assertThat(seen).contains("tile", "filter", "look");
            assertThat(api.get("/content_validation?space_ids=1").get("content_with_errors").size())
                    .as("space_ids limits to content in those folders").isLessThan(v.get("content_with_errors").size());
        }
    }

    private static String post(CheckedApi api, String path, Map<String, ?> body) {
        return api.call(200, "POST", path, ApiClient.JSON.valueToTree(body)).get("id").asText();
    }

    @Test
    void validatesTenThousandItemsInSeconds() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(10_000).seed(3).build().start()) {
            ApiClient c = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
            c.login();
            long t = System.nanoTime();
            JsonNode v = c.send("GET", "/content_validation", null).json();
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("content_validation at scale 10000: %d elements, %d looks in %.2f s%n",
                    v.get("total_dashboard_elements_validated").asInt(), v.get("total_looks_validated").asInt(), s);
            assertThat(v.get("total_looks_validated").asInt()).isGreaterThan(3000);
            assertThat(s).as("a validator that cannot keep up with a real instance is no simulator of one").isLessThan(30);
        }
    }
}
