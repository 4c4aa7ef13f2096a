package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rare shapes (merged-result tiles, trashed items, deep folders, alerts...) depend on the seed, so every item of
 * three small instances (seeds 1, 2, 3) is read in full and validated against the spec, one test per kind of
 * content. Problems are reported once per kind (ids and array indexes folded), with a few example paths.
 */
class ContentVarietyIT {
    private static final long[] SEEDS = {1, 2, 3};
    private static final List<LookerSim> SIMS = new ArrayList<>();
    private static final List<CheckedApi> APIS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        for (long seed : SEEDS) {
            LookerSim sim = LookerSim.builder().port(0).scale(200).seed(seed).build().start();
            SIMS.add(sim);
            ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
            client.login();
            APIS.add(new CheckedApi(client, SpecValidator.shared()));
        }
    }

    @AfterAll
    static void stop() {
        SIMS.forEach(LookerSim::close);
    }

    @Test
    void everyDashboardIncludingTrashConforms() {
        readAll(SEEDS.length, (api, read) -> {
            eachId(api, "/dashboards/search?deleted=true&fields=id", id -> read.accept("/dashboards/" + id));
            eachId(api, "/dashboards/search?fields=id", id -> read.accept("/dashboards/" + id));
        });
    }

    @Test
    void everyLookAndItsQueryConforms() {
        readAll(SEEDS.length, (api, read) -> {
            for (JsonNode look : api.get("/looks/search?fields=id,query_id")) {
                read.accept("/looks/" + look.path("id").asText());
                read.accept("/queries/" + look.path("query_id").asText());
            }
            eachId(api, "/looks/search?deleted=true&fields=id", id -> read.accept("/looks/" + id));
        });
    }

    @Test
    void everyFolderConforms() {
        readAll(SEEDS.length, (api, read) -> eachId(api, "/folders?fields=id", id -> read.accept("/folders/" + id)));
    }

    @Test
    void everyUserConforms() {
        readAll(SEEDS.length, (api, read) -> eachId(api, "/users?fields=id", id -> read.accept("/users/" + id)));
    }

    @Test
    void everyGroupRoleAndAttributeConforms() {
        readAll(SEEDS.length, (api, read) -> {
            eachId(api, "/groups?fields=id", id -> read.accept("/groups/" + id));
            eachId(api, "/roles?fields=id", id -> read.accept("/roles/" + id));
            eachId(api, "/user_attributes?fields=id", id -> read.accept("/user_attributes/" + id + "/group_values"));
        });
    }

    @Test
    void everyScheduleAlertAndBoardConforms() {
        readAll(SEEDS.length, (api, read) -> {
            eachId(api, "/scheduled_plans?all_users=true&fields=id", id -> read.accept("/scheduled_plans/" + id));
            eachId(api, "/alerts/search?all_owners=true&fields=id", id -> read.accept("/alerts/" + id));
            eachId(api, "/boards?fields=id", id -> read.accept("/boards/" + id));
            eachId(api, "/board_sections?fields=id", id -> read.accept("/board_sections/" + id));
            eachId(api, "/board_items?fields=id", id -> read.accept("/board_items/" + id));
            eachId(api, "/themes?fields=id", id -> read.accept("/themes/" + id));
        });
    }

    @Test
    void everyExploreConforms() {
        readAll(SEEDS.length, (api, read) -> {
            for (JsonNode model : api.get("/lookml_models")) {
                for (JsonNode explore : model.path("explores")) {
                    read.accept("/lookml_models/" + model.path("name").asText() + "/explores/"
                            + explore.path("name").asText());
                }
            }
        });
    }

    /**
     * A content_metadata holds at most one grant per user and per group: create_content_metadata_access answers 409
     * to a second one, so no real instance can hold two (finding R2 of the restore helper). Scale 0 included.
     */
    @Test
    void accessGrantsAreOnePerUserOrGroup() throws Exception {
        try (LookerSim fresh = LookerSim.builder().port(0).scale(0).seed(1).build().start()) {
            ApiClient client = new ApiClient(fresh.baseUrl(), fresh.clientId(), fresh.clientSecret());
            client.login();
            List<CheckedApi> all = new ArrayList<>(APIS);
            all.add(new CheckedApi(client, SpecValidator.shared()));
            List<String> duplicates = new ArrayList<>();
            for (CheckedApi api : all) {
                for (JsonNode f : api.get("/folders?fields=id,content_metadata_id")) {
                    String cm = f.path("content_metadata_id").asText();
                    Set<String> grantees = new TreeSet<>();
                    for (JsonNode g : api.get("/content_metadata_access?content_metadata_id=" + cm)) {
                        String who = g.hasNonNull("user_id") ? "user " + g.path("user_id").asText()
                                : "group " + g.path("group_id").asText();
                        if (!grantees.add(who)) {
                            duplicates.add(api.client().baseUrl() + " content_metadata " + cm + ": " + who);
                        }
                    }
                }
            }
            assertThat(duplicates).as("second grants for the same user/group").isEmpty();
        }
    }

    /** A larger instance has the deep folder tree of the issue (up to 8 levels); its walk answers conform. */
    @Test
    void deepFolderTreeOfALargerInstanceConforms() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(5000).seed(4).build().start()) {
            ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
            client.login();
            CheckedApi api = new CheckedApi(client, SpecValidator.shared());
            java.util.Map<String, String> parent = new java.util.HashMap<>();
            for (JsonNode f : api.get("/folders")) {
                parent.put(f.path("id").asText(), f.path("parent_id").isNull() ? null : f.path("parent_id").asText());
            }
            String deepest = null;
            int maxDepth = 0;
            for (String id : parent.keySet()) {
                int depth = 0;
                for (String p = parent.get(id); p != null; p = parent.get(p)) {
                    depth++;
                }
                if (depth > maxDepth) {
                    maxDepth = depth;
                    deepest = id;
                }
            }
            assertThat(parent.size()).as("folders at scale 5000 (about 1,000 per 10,000 items)").isGreaterThan(300);
            assertThat(maxDepth).as("deepest folder level below a root").isBetween(4, 8);
            JsonNode ancestors = api.get("/folders/" + deepest + "/ancestors");
            assertThat(ancestors).as("ancestors of the deepest folder").hasSize(maxDepth);
            api.get("/folders/" + deepest);
            api.get("/folders/" + parent.get(deepest) + "/children?limit=5");
        }
    }

    /** Runs {@code reads} on every seed's instance; fails once, listing each distinct problem. */
    private static void readAll(int atLeast, BiConsumer<CheckedApi, Consumer<String>> reads) {
        List<String> failures = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int[] checked = {0};
        for (CheckedApi api : APIS) {
            reads.accept(api, path -> {
                checked[0]++;
                try {
                    api.get(path);
                } catch (AssertionError e) {
                    failures.add(path);
                    e.getMessage().lines().filter(l -> l.startsWith("  ") && !l.startsWith("  body:"))
                            .map(l -> l.trim().replaceAll("/\\d+", "/N")).forEach(kinds::add);
                }
            });
        }
        assertThat(checked[0]).as("items read").isGreaterThanOrEqualTo(atLeast);
        assertThat(kinds).as(failures.size() + " of " + checked[0] + " items do not conform, e.g. "
                + failures.subList(0, Math.min(5, failures.size())) + "; distinct problems").isEmpty();
    }

    private static void eachId(CheckedApi api, String list, Consumer<String> action) {
        for (JsonNode n : api.get(list)) {
            action.accept(n.path("id").asText());
        }
    }
}
