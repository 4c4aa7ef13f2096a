package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rare shapes (merged-result tiles, trashed items, nested folders, alerts...) depend on the seed, so every item of
 * several small instances is read in full and validated against the spec: each dashboard (trash included), look,
 * query, folder, user, group, role, plan, alert, board, section, item, theme, attribute, model and explore.
 */
class ContentVarietyIT {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyItemOfTheInstanceConforms(long seed) throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(200).seed(seed).build().start()) {
            ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
            client.login();
            CheckedApi api = new CheckedApi(client, SpecValidator.shared());
            List<String> failures = new ArrayList<>();
            Set<String> kinds = new TreeSet<>();
            int[] checked = {0};
            Consumer<String> read = path -> {
                checked[0]++;
                try {
                    api.get(path);
                } catch (AssertionError e) {
                    failures.add(path);
                    // One line per distinct problem: item ids and array indexes folded, so 20 users count once.
                    e.getMessage().lines().filter(l -> l.startsWith("  ") && !l.startsWith("  body:"))
                            .map(l -> l.trim().replaceAll("/\\d+", "/N")).forEach(kinds::add);
                }
            };
            eachId(api, "/dashboards/search?deleted=true&fields=id", id -> read.accept("/dashboards/" + id));
            eachId(api, "/dashboards/search?fields=id", id -> read.accept("/dashboards/" + id));
            for (JsonNode look : api.get("/looks/search?fields=id,query_id")) {
                read.accept("/looks/" + look.path("id").asText());
                read.accept("/queries/" + look.path("query_id").asText());
            }
            eachId(api, "/looks/search?deleted=true&fields=id", id -> read.accept("/looks/" + id));
            eachId(api, "/folders?fields=id", id -> read.accept("/folders/" + id));
            eachId(api, "/users?fields=id", id -> read.accept("/users/" + id));
            eachId(api, "/groups?fields=id", id -> read.accept("/groups/" + id));
            eachId(api, "/roles?fields=id", id -> read.accept("/roles/" + id));
            eachId(api, "/scheduled_plans?all_users=true&fields=id", id -> read.accept("/scheduled_plans/" + id));
            eachId(api, "/alerts/search?all_owners=true&fields=id", id -> read.accept("/alerts/" + id));
            eachId(api, "/boards?fields=id", id -> read.accept("/boards/" + id));
            eachId(api, "/board_sections?fields=id", id -> read.accept("/board_sections/" + id));
            eachId(api, "/board_items?fields=id", id -> read.accept("/board_items/" + id));
            eachId(api, "/themes?fields=id", id -> read.accept("/themes/" + id));
            eachId(api, "/user_attributes?fields=id", id -> read.accept("/user_attributes/" + id + "/group_values"));
            for (JsonNode model : api.get("/lookml_models")) {
                for (JsonNode explore : model.path("explores")) {
                    read.accept("/lookml_models/" + model.path("name").asText() + "/explores/"
                            + explore.path("name").asText());
                }
            }
            assertThat(checked[0]).as("items read").isGreaterThan(150);
            assertThat(kinds).as(failures.size() + " of " + checked[0] + " items do not conform (seed " + seed
                    + "), e.g. " + failures.subList(0, Math.min(5, failures.size())) + "; distinct problems").isEmpty();
        }
    }

    private static void eachId(CheckedApi api, String list, Consumer<String> action) {
        for (JsonNode n : api.get(list)) {
            action.accept(n.path("id").asText());
        }
    }
}
