package io.lookersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instance beyond its content (issue #11) on a generated instance and on an empty (scale 0) one, which starts
 * as a fresh Looker: nothing configured, singletons at their defaults.
 */
class InstanceIT {
    static LookerSim sim;
    static LookerSim empty;
    static SimClient c;
    static SimClient e;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().scale(50).seed(3).build().start();
        empty = LookerSim.builder().scale(0).seed(3).build().start();
        c = SimClient.loggedIn(sim);
        e = SimClient.loggedIn(empty);
    }

    @AfterAll
    static void stop() {
        if (sim != null) sim.close();
        if (empty != null) empty.close();
    }

    static JsonNode ok(SimClient.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void connectionsMatchTheModelsAndOneGoesThroughTheTunnel() {
        JsonNode conns = ok(c.get("/connections"));
        List<String> names = texts(conns, "name");
        for (JsonNode m : ok(c.get("/lookml_models"))) {
            if (m.path("name").asText().equals("system__activity")) continue; // Looker's internal connection is never listed
            for (JsonNode allowed : m.path("allowed_db_connection_names")) assertThat(names).contains(allowed.asText());
        }
        JsonNode tunnels = ok(c.get("/ssh_tunnels"));
        assertThat(tunnels).hasSize(1);
        String tunnel = tunnels.get(0).path("tunnel_id").asText();
        assertThat(texts(conns, "tunnel_id")).containsOnlyOnce(tunnel);
        assertThat(tunnels.get(0).path("ssh_server_id").asText()).isEqualTo(ok(c.get("/ssh_servers")).get(0).path("ssh_server_id").asText());
        assertThat(conns.toString()).doesNotContain("\"password\"");
    }

    @Test
    void seedsAreAFunctionOfTheSeed() throws Exception {
        try (LookerSim twin = LookerSim.builder().scale(50).seed(3).build().start()) {
            SimClient t = SimClient.loggedIn(twin);
            for (String path : List.of("/connections", "/ssh_servers", "/ssh_tunnels")) {
                assertThat(ok(t.get(path))).as(path).isEqualTo(ok(c.get(path)));
            }
        }
    }

    @Test
    void projectsMatchTheModelsProjectsAndHaveDeployKeys() {
        JsonNode projects = ok(c.get("/projects"));
        List<String> ids = texts(projects, "id");
        for (JsonNode m : ok(c.get("/lookml_models"))) {
            if (!m.path("name").asText().equals("system__activity")) assertThat(ids).contains(m.path("project_name").asText());
        }
        SimClient.Resp key = c.get("/projects/" + ids.get(0) + "/git/deploy_key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).startsWith("ssh-rsa ");
        assertThat(c.post("/projects/" + ids.get(0) + "/git/deploy_key", "").status()).as("a key exists already").isEqualTo(409);
    }

    @Test
    void anEmptyInstanceHasNoConnectionsNorSsh() {
        for (String path : List.of("/connections", "/ssh_servers", "/ssh_tunnels", "/projects")) assertThat(ok(e.get(path))).as(path).isEmpty();
    }

    @Test
    void anEmptyInstanceStartsAsAFreshLooker() {
        for (String kind : List.of("/saml_config", "/oidc_config", "/ldap_config")) {
            JsonNode cfg = ok(e.get(kind));
            assertThat(cfg.path("enabled").asBoolean()).as(kind).isFalse();
            assertThat(cfg.path("groups_with_role_ids")).as(kind).isEmpty();
        }
        assertThat(ok(e.get("/ldap_config")).path("has_auth_password").asBoolean()).isFalse();
        assertThat(ok(e.get("/password_config")).path("min_length").asInt()).isEqualTo(7);
        assertThat(ok(e.get("/custom_welcome_email")).path("enabled").asBoolean()).isFalse();
        assertThat(ok(e.get("/color_collections/custom"))).isEmpty();
        assertThat(ok(e.get("/themes/default")).path("name").asText()).isEqualTo("Looker");
        assertThat(ok(e.get("/integration_hubs"))).as("every Looker has the Action Hub").hasSize(1);
        for (JsonNode i : ok(e.get("/integrations"))) assertThat(i.path("enabled").asBoolean()).isFalse();
        for (String path : List.of("/oauth_client_apps", "/external_oauth_applications")) assertThat(ok(e.get(path))).as(path).isEmpty();
    }
}
