package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Tile↔filter wiring as real Looker keeps it (NOTES §5): {@code result_maker.filterables[].listen} is taken on
 * create and update of an element and answered back; a merged-results tile has a filterable per source query;
 * deleting a filter unhooks what listened to it.
 */
class DashboardWiringIT extends SharedSim {
    private static String dashboard(String title) {
        return ok(c.post("/dashboards", "{\"title\":\"" + title + "\",\"folder_id\":\"1\"}")).get("id").asText();
    }

    private static void filter(String dash, String name, String extra) {
        ok(c.post("/dashboard_filters", "{\"dashboard_id\":\"" + dash + "\",\"name\":\"" + name + "\",\"title\":\"" + name
                + "\",\"type\":\"field_filter\",\"model\":\"thelook\",\"explore\":\"users\",\"dimension\":\"users.country\"" + extra + "}"));
    }

    private static String listen(String... nameField) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < nameField.length; i += 2) {
            b.append(i == 0 ? "" : ",").append("{\"dashboard_filter_name\":\"").append(nameField[i]).append("\",\"field\":\"")
                    .append(nameField[i + 1]).append("\"}");
        }
        return b.append(']').toString();
    }

    private static JsonNode listensOf(String element) {
        return ok(c.get("/dashboard_elements/" + element)).get("result_maker").get("filterables");
    }

    @Test
    void aTileListensToFiltersGivenOnCreateAndOnAnUpdateOfOnlyItsResultMaker() {
        String dash = dashboard("Wired ⚡");
        filter(dash, "Country", ",\"ui_config\":{\"type\":\"tag_list\",\"display\":\"popover\"},\"required\":true,\"allow_multiple_values\":false");
        filter(dash, "Age", ",\"listens_to_filters\":[\"Country\"]");
        String e = ok(c.post("/dashboard_elements", "{\"dashboard_id\":\"" + dash + "\",\"type\":\"vis\",\"query\":{\"model\":\"thelook\","
                + "\"view\":\"users\",\"fields\":[\"users.country\",\"users.count\"]},\"result_maker\":{\"filterables\":[{\"model\":\"thelook\","
                + "\"view\":\"users\",\"listen\":" + listen("Country", "users.country", "Age", "users.age_tier") + "}]}}")).get("id").asText();
        JsonNode fl = listensOf(e);
        assertThat(fl).hasSize(1);
        assertThat(fl.get(0).get("model").asText()).isEqualTo("thelook");
        assertThat(fl.get(0).get("listen").toString()).isEqualTo(listen("Country", "users.country", "Age", "users.age_tier"));

        ok(c.patch("/dashboard_elements/" + e, "{\"result_maker\":{\"filterables\":[{\"listen\":" + listen("Age", "users.age_tier") + "}]}}"));
        assertThat(listensOf(e).get(0).get("listen").toString()).isEqualTo(listen("Age", "users.age_tier"));
        ok(c.patch("/dashboard_elements/" + e, "{\"title\":\"Renamed\"}"));
        assertThat(listensOf(e).get(0).get("listen").toString()).as("an update without result_maker keeps the wiring")
                .isEqualTo(listen("Age", "users.age_tier"));

        JsonNode filters = ok(c.get("/dashboards/" + dash + "/dashboard_filters"));
        JsonNode country = filters.get(0);
        assertThat(country.get("ui_config").get("type").asText()).isEqualTo("tag_list");
        assertThat(country.get("required").asBoolean()).isTrue();
        assertThat(country.get("allow_multiple_values").asBoolean()).isFalse();
        assertThat(filters.get(1).get("listens_to_filters").toString()).isEqualTo("[\"Country\"]");
    }

    @Test
    void deletingAFilterRemovesListensToIt() {
        String dash = dashboard("Unhook");
        filter(dash, "Country", "");
        filter(dash, "Age", ",\"listens_to_filters\":[\"Country\"]");
        String e = ok(c.post("/dashboard_elements", "{\"dashboard_id\":\"" + dash + "\",\"query\":{\"model\":\"thelook\",\"view\":\"users\","
                + "\"fields\":[\"users.count\"]},\"result_maker\":{\"filterables\":[{\"listen\":"
                + listen("Country", "users.country", "Age", "users.age_tier") + "}]}}")).get("id").asText();
        String country = ok(c.get("/dashboards/" + dash + "/dashboard_filters")).get(0).get("id").asText();
        assertThat(c.delete("/dashboard_filters/" + country).status()).isEqualTo(204);
        assertThat(listensOf(e).get(0).get("listen").toString()).isEqualTo(listen("Age", "users.age_tier"));
        assertThat(ok(c.get("/dashboards/" + dash + "/dashboard_filters")).get(0).get("listens_to_filters")).isEmpty();
    }

    @Test
    void aMergedTileHasAFilterablePerSourceEachWithItsOwnListen() {
        String dash = dashboard("Merged");
        filter(dash, "Country", "");
        String q1 = ok(c.post("/queries", "{\"model\":\"thelook\",\"view\":\"users\",\"fields\":[\"users.country\",\"users.count\"]}")).get("id").asText();
        String q2 = ok(c.post("/queries", "{\"model\":\"thelook\",\"view\":\"order_items\",\"fields\":[\"users.state\",\"order_items.count\"]}")).get("id").asText();
        String mq = ok(c.post("/merge_queries", "{\"source_queries\":[{\"name\":\"Users\",\"query_id\":\"" + q1 + "\"},{\"name\":\"Orders\","
                + "\"query_id\":\"" + q2 + "\",\"merge_fields\":[{\"field_name\":\"users.state\",\"source_field_name\":\"users.country\"}]}]}"))
                .get("id").asText();
        String e = ok(c.post("/dashboard_elements", "{\"dashboard_id\":\"" + dash + "\",\"merge_result_id\":\"" + mq + "\",\"result_maker\":"
                + "{\"filterables\":[{\"listen\":" + listen("Country", "users.country") + "},{\"listen\":" + listen("Country", "users.state")
                + "}]}}")).get("id").asText();
        JsonNode fl = listensOf(e);
        assertThat(fl).hasSize(2);
        assertThat(fl.get(0).get("view").asText()).isEqualTo("users");
        assertThat(fl.get(0).get("name").asText()).isEqualTo("Users");
        assertThat(fl.get(1).get("view").asText()).isEqualTo("order_items");
        assertThat(fl.get(1).get("listen").toString()).isEqualTo(listen("Country", "users.state"));
    }

    @Test
    void generatedDashboardsHaveListeningTilesAndVariedFilters() {
        int listening = 0, mergedListening = 0, uiTypes = 0;
        java.util.Set<String> ui = new java.util.HashSet<>();
        for (int d = 1; d <= 40; d++) {
            JsonNode dash = ok(c.get("/dashboards/" + d));
            for (JsonNode f : dash.get("dashboard_filters")) ui.add(f.get("ui_config").get("type").asText());
            for (JsonNode e : dash.get("dashboard_elements")) {
                JsonNode fl = e.path("result_maker").path("filterables");
                boolean any = false;
                for (JsonNode f : fl) any |= f.get("listen").size() > 0;
                if (any) listening++;
                if (any && fl.size() == 2) mergedListening++;
                for (JsonNode f : fl) for (JsonNode l : f.get("listen")) {
                    assertThat(dash.get("dashboard_filters").toString()).as("a listen names a filter of its dashboard")
                            .contains("\"name\":\"" + l.get("dashboard_filter_name").asText() + "\"");
                }
            }
        }
        assertThat(listening).isGreaterThan(20);
        assertThat(mergedListening).isPositive();
        assertThat(ui).hasSizeGreaterThan(2);
    }
}
