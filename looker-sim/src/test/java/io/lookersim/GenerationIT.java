package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.gen.InstanceLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationIT {
    /** The API user's answer lists its API key's client_id: sims compared byte for byte share one. */
    private static final String SAME_KEY = "determinism-client";
    private static final List<String> PATHS = List.of("/dashboards/search?limit=20", "/dashboards/7", "/looks/9",
            "/folders", "/users?limit=10", "/groups", "/roles", "/boards", "/scheduled_plans?all_users=true",
            "/alerts/search?all_owners=true", "/user_attributes", "/content_metadata_access?content_metadata_id=1");

    @Test
    void sameSeedAnswersByteIdenticallyAndAnotherSeedDiffers() throws Exception {
        try (LookerSim a = LookerSim.builder().scale(300).seed(42).clientId(SAME_KEY).build().start();
             LookerSim b = LookerSim.builder().scale(300).seed(42).clientId(SAME_KEY).build().start();
             LookerSim other = LookerSim.builder().scale(300).seed(43).build().start()) {
            SimClient ca = SimClient.loggedIn(a), cb = SimClient.loggedIn(b), co = SimClient.loggedIn(other);
            for (String p : PATHS) assertThat(ca.get(p).body()).as(p).isEqualTo(cb.get(p).body());
            assertThat(ca.get("/dashboards/7").body()).isNotEqualTo(co.get("/dashboards/7").body());
        }
    }

    @Test
    void scaleZeroIsAFreshInstance() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(0).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            // only the LookML dashboards of the deployed project models: a fresh Looker with its projects has them
            assertThat(c.get("/dashboards").json()).allSatisfy(d -> assertThat(d.get("id").asText()).contains("::"));
            assertThat(c.get("/dashboards/search").json()).isEmpty();
            assertThat(c.get("/looks").json()).isEmpty();
            assertThat(c.get("/users").json()).hasSize(1);
            assertThat(c.get("/folders").json()).hasSize(3); // Shared, Users, the API user's personal folder
            assertThat(c.get("/lookml_models").json().size()).isPositive();
            assertThat(c.get("/roles").json()).hasSize(InstanceLayout.BUILTIN_ROLES);
            assertThat(c.get("/permission_sets").json().get(0).get("built_in").asBoolean()).isTrue();
            assertThat(c.get("/model_sets").json()).hasSize(1);
        }
    }

    @Test
    void mixFollowsTheIssueAndContentHasEveryKindOfTile() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(10_000).seed(9).build().start()) {
            JsonNode items = sim.stats().get("items");
            assertThat(items.get("dashboards").asInt()).isEqualTo(3000);
            assertThat(items.get("looks").asInt()).isEqualTo(4000);
            assertThat(items.get("users").asInt()).isEqualTo(1001);
            assertThat(items.get("folders").asInt()).isBetween(1000, 1600);
            SimClient c = SimClient.loggedIn(sim);
            assertThat(c.get("/dashboards/search?fields=id&deleted=true").json()).hasSize(60); // 2%
            Set<String> kinds = new HashSet<>();
            for (int d = 1; d <= 40; d++) {
                for (JsonNode e : c.get("/dashboards/" + d + "/dashboard_elements").json()) {
                    if (e.get("type").asText().equals("text")) kinds.add("text");
                    else if (!e.get("look_id").isNull()) kinds.add("look");
                    else if (!e.get("merge_result_id").isNull()) kinds.add("merged");
                    else if (!e.get("query_id").isNull()) kinds.add("query");
                }
            }
            assertThat(kinds).containsExactlyInAnyOrder("text", "look", "merged", "query");
            int depth = 0;
            for (JsonNode f : c.get("/folders?fields=id").json()) depth = Math.max(depth, c.get("/folders/" + f.get("id").asText() + "/ancestors").json().size() + 1);
            assertThat(depth).isBetween(3, 8);
        }
    }

    @Test
    void aMillionItemsNeedNoMemoryAndPagesAreCheap() throws Exception {
        Runtime rt = Runtime.getRuntime();
        try (LookerSim sim = LookerSim.builder().scale(1_000_000).seed(1).requestLogLimit(0).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            SimClient.Resp r = c.get("/dashboards/search?fields=id&sorts=id&limit=100&offset=250000");
            assertThat(r.json()).hasSize(100);
            assertThat(r.header("X-Total-Count")).isEqualTo(Integer.toString(300_000 - 6000));
            assertThat(c.get("/looks/search?fields=id&limit=50&offset=390000").json()).hasSize(50);
            assertThat(c.get("/users?fields=id&limit=10&offset=99990").json()).hasSize(10);
            rt.gc();
            assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(256L * 1024 * 1024);
        }
    }

    @Test
    void mutationsChangeContentDeterministically() throws Exception {
        try (LookerSim sim = LookerSim.builder().scale(300).seed(2).build().start()) {
            SimClient c = SimClient.loggedIn(sim);
            String before = c.get("/dashboards/search?limit=200").body();
            List<String> edited = sim.mutate("dashboards", "edit", 3);
            assertThat(edited).hasSize(3);
            assertThat(c.get("/dashboards/" + edited.get(0)).json().get("title").asText()).endsWith("(edited)");
            List<String> trashed = sim.mutate("looks", "trash", 2);
            assertThat(c.get("/looks/search?fields=id&deleted=true&id=" + trashed.get(0)).json()).hasSize(1);
            List<String> added = sim.mutate("dashboards", "add", 2);
            assertThat(c.get("/dashboards/" + added.get(1)).status()).isEqualTo(200);
            List<String> deleted = sim.mutate("folders", "delete", 1);
            assertThat(c.get("/folders/" + deleted.get(0)).status()).isEqualTo(404);
            assertThat(c.get("/dashboards/search?limit=200").body()).isNotEqualTo(before);
            JsonNode viaHttp = c.post("/__sim/mutate", "{\"type\":\"users\",\"action\":\"edit\",\"ids\":[\"5\"]}").json();
            assertThat(viaHttp.get("ids").get(0).asText()).isEqualTo("5");
            assertThat(c.get("/users/5").json().get("first_name").asText()).endsWith("(edited)");
        }
    }
}
