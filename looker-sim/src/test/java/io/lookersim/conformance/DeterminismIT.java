package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookersim.conformance.ApiClient.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Same seed and scale give byte-identical answers on two independent servers; another seed gives other content.
 * The request set covers paged lists, full dashboards, looks, queries, users, folders and the identity types.
 */
class DeterminismIT {
    private static final int SCALE = 300;
    /** The API user's answer lists its API key's client_id (configuration, not content): all sims share one. */
    private static final String SAME_KEY = "determinism-client";
    private static LookerSim first;
    private static LookerSim second;
    private static LookerSim otherSeed;

    @BeforeAll
    static void start() throws Exception {
        first = LookerSim.builder().port(0).scale(SCALE).seed(7).clientId(SAME_KEY).build().start();
        second = LookerSim.builder().port(0).scale(SCALE).seed(7).clientId(SAME_KEY).build().start();
        otherSeed = LookerSim.builder().port(0).scale(SCALE).seed(8).clientId(SAME_KEY).build().start();
    }

    @AfterAll
    static void stop() {
        for (LookerSim s : new LookerSim[] {first, second, otherSeed}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static ApiClient client(LookerSim sim) {
        ApiClient c = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
        c.login();
        return c;
    }

    /** Requests whose ids are read from the first server's lists, so both servers get the very same requests. */
    private static List<String> requests(ApiClient a) {
        List<String> paths = new ArrayList<>(List.of(
                "/dashboards/search?limit=10&offset=0", "/dashboards/search?limit=10&offset=10&sorts=title",
                "/dashboards/search?title=%25a%25&limit=5", "/dashboards/search?deleted=true", "/dashboards",
                "/looks/search?limit=25&offset=5", "/looks", "/folders", "/folders/search?limit=20&offset=20",
                "/users?limit=50", "/users/search?sorts=last_name,first_name&limit=30", "/groups", "/roles",
                "/permission_sets", "/model_sets", "/user_attributes", "/lookml_models", "/boards",
                "/board_sections", "/board_items", "/scheduled_plans?all_users=true",
                "/alerts/search?all_owners=true", "/themes", "/integration_hubs", "/integrations"));
        for (JsonNode d : a.send("GET", "/dashboards/search?fields=id&limit=12", null).json()) {
            paths.add("/dashboards/" + d.path("id").asText());
        }
        for (JsonNode l : a.send("GET", "/looks/search?fields=id,query_id&limit=12", null).json()) {
            paths.add("/looks/" + l.path("id").asText());
            paths.add("/queries/" + l.path("query_id").asText());
        }
        for (JsonNode u : a.send("GET", "/users?fields=id&limit=8", null).json()) {
            paths.add("/users/" + u.path("id").asText());
        }
        for (JsonNode f : a.send("GET", "/folders/search?fields=id&limit=8&offset=3", null).json()) {
            paths.add("/folders/" + f.path("id").asText());
            paths.add("/folders/" + f.path("id").asText() + "/children");
        }
        return paths;
    }

    @Test
    void sameSeedAndScaleAnswerByteIdentically() {
        ApiClient a = client(first);
        ApiClient b = client(second);
        List<String> paths = requests(a);
        for (String path : paths) {
            Answer x = a.send("GET", path, null);
            Answer y = b.send("GET", path, null);
            assertThat(x.status()).as(path).isEqualTo(200);
            assertThat(y.status()).as(path).isEqualTo(200);
            assertThat(y.body()).as("body of " + path).isEqualTo(x.body());
            assertThat(y.header("X-Total-Count")).as("X-Total-Count of " + path).isEqualTo(x.header("X-Total-Count"));
            String linkX = x.header("Link") == null ? null : x.header("Link").replace(a.baseUrl(), "BASE");
            String linkY = y.header("Link") == null ? null : y.header("Link").replace(b.baseUrl(), "BASE");
            assertThat(linkY).as("Link of " + path).isEqualTo(linkX);
        }
        assertThat(paths).hasSizeGreaterThan(60);
    }

    /**
     * Content is generated on demand, so it must not depend on which request came first: the second server is
     * asked in reverse order from 8 threads at once and must still answer byte for byte like the first.
     */
    @Test
    void answersDoNotDependOnRequestOrderOrConcurrency() throws Exception {
        try (LookerSim a = LookerSim.builder().port(0).scale(SCALE).seed(21).clientId(SAME_KEY).build().start();
                LookerSim b = LookerSim.builder().port(0).scale(SCALE).seed(21).clientId(SAME_KEY).build().start()) {
            ApiClient ca = client(a);
            ApiClient cb = client(b);
            List<String> paths = requests(ca);
            Map<String, String> expected = new HashMap<>();
            for (String p : paths) {
                expected.put(p, ca.send("GET", p, null).body());
            }
            List<String> reversed = new ArrayList<>(paths);
            Collections.reverse(reversed);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> bodies = new ArrayList<>();
                for (String p : reversed) {
                    bodies.add(pool.submit(() -> cb.send("GET", p, null).body()));
                }
                for (int i = 0; i < reversed.size(); i++) {
                    assertThat(bodies.get(i).get(60, TimeUnit.SECONDS)).as("body of " + reversed.get(i))
                            .isEqualTo(expected.get(reversed.get(i)));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Admin mutations (edit, trash, add, delete) pick the same items on the same seed, so incremental runs repeat;
     * the mutated content still conforms to the spec.
     */
    @Test
    void sameMutationsOnTheSameSeedGiveTheSameContent() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (LookerSim a = LookerSim.builder().port(0).scale(SCALE).seed(5).clientId(SAME_KEY).clock(clock).build().start();
                LookerSim b = LookerSim.builder().port(0).scale(SCALE).seed(5).clientId(SAME_KEY).clock(clock).build().start()) {
            List<List<String>> touched = new ArrayList<>();
            for (LookerSim sim : List.of(a, b)) {
                List<String> ids = new ArrayList<>(sim.mutate("dashboards", "edit", 5));
                ids.addAll(sim.mutate("looks", "trash", 3));
                ids.addAll(sim.mutate("dashboards", "add", 2));
                ids.addAll(sim.mutate("looks", "delete", 2));
                touched.add(ids);
            }
            assertThat(touched.get(1)).isEqualTo(touched.get(0)).hasSizeGreaterThanOrEqualTo(10);
            ApiClient ca = client(a);
            ApiClient cb = client(b);
            for (String path : List.of("/dashboards/search?sorts=id", "/looks/search?deleted=true",
                    "/looks/search?sorts=id", "/dashboards/" + touched.get(0).get(0))) {
                assertThat(cb.send("GET", path, null).body()).as("body of " + path)
                        .isEqualTo(ca.send("GET", path, null).body());
                new CheckedApi(ca, SpecValidator.shared()).get(path);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherContent() {
        ApiClient a = client(first);
        ApiClient c = client(otherSeed);
        String path = "/dashboards/search?fields=id,title,description&limit=20";
        assertThat(c.send("GET", path, null).body()).isNotEqualTo(a.send("GET", path, null).body());
        String users = "/users?fields=id,first_name,last_name&limit=20";
        assertThat(c.send("GET", users, null).body()).isNotEqualTo(a.send("GET", users, null).body());
        String id = a.send("GET", "/dashboards/search?fields=id&limit=1", null).json().get(0).path("id").asText();
        Answer other = c.send("GET", "/dashboards/" + id, null);
        if (other.status() == 200) {
            assertThat(other.body()).isNotEqualTo(a.send("GET", "/dashboards/" + id, null).body());
        }
    }
}
