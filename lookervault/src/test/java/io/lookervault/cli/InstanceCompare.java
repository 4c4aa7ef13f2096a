package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.config.Secret;
import io.lookervault.looker.LookerClient;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two Lookers hold the same instance objects: each object of A has a twin in B (by natural key) equal in every
 * field the spec lets a client write (ids of referenced objects mapped through their twins), and every write-only
 * secret set in A is set in B as far as the spec's {@code has_*} flags tell.
 */
final class InstanceCompare {
    private static final JsonNode WRITABLE = load();
    private final LookerClient ca;
    private final LookerClient cb;
    /** "type/source id" → destination id, learned from the twins. */
    private final Map<String, String> ids = new HashMap<>();

    private InstanceCompare(LookerClient ca, LookerClient cb) {
        this.ca = ca;
        this.cb = cb;
    }

    static void assertSame(LookerSim a, LookerSim b) throws Exception {
        try (LookerClient ca = client(a); LookerClient cb = client(b)) {
            new InstanceCompare(ca, cb).all();
        }
    }

    private void all() throws Exception {
        twins("ssh_servers", "/ssh_servers", "SshServer", d -> d.path("ssh_server_name").asText(), "ssh_server_id");
        twins("ssh_tunnels", "/ssh_tunnels", "SshTunnel", d -> d.path("database_host").asText(), "tunnel_id",
                Map.of("ssh_server_id", "ssh_servers"));
        twins("external_oauth_applications", "/external_oauth_applications", "ExternalOauthApplication",
                d -> d.path("name").asText(), "id");
        twins("connections", "/connections", "DBConnection", d -> d.path("name").asText(), "name",
                Map.of("tunnel_id", "ssh_tunnels", "oauth_application_id", "external_oauth_applications"),
                "has_password", "pdt_context_override.has_password");
        twins("projects", "/projects", "Project", d -> d.path("id").asText(), "id");
        twins("color_collections", "/color_collections/custom", "ColorCollection", d -> d.path("label").asText(), "id");
        twins("themes", "/themes", "Theme", d -> d.path("name").asText(), "id",
                Map.of("settings.color_collection_id", "color_collections"));
        assertThat(cb.get("/themes/default", Map.of()).path("name")).isEqualTo(ca.get("/themes/default", Map.of()).path("name"));
        assertThat(cb.get("/color_collections/default", Map.of()).path("label"))
                .isEqualTo(ca.get("/color_collections/default", Map.of()).path("label"));
        twins("datagroups", "/datagroups", "Datagroup", d -> d.path("model_name").asText() + "/" + d.path("name").asText(), "id");
        twins("integration_hubs", "/integration_hubs", "IntegrationHub", d -> d.path("url").asText(), "id", Map.of(),
                "has_authorization_token");
        twins("integrations", "/integrations", "Integration", d -> d.path("id").asText().replaceFirst("^[^:]*::", "")
                + "@" + d.path("label").asText(), "id", Map.of(), "enabled");
        for (JsonNode i : ca.get("/integrations", Map.of())) {
            JsonNode twin = cb.get(io.lookervault.looker.ApiPath.of("integrations", ids.get("integrations/" + i.path("id").asText())), Map.of());
            assertThat(flags(twin.path("params"))).as("params set of %s", i.path("id")).isEqualTo(flags(i.path("params")));
        }
        twins("oauth_client_apps", "/oauth_client_apps", "OauthClientApp", d -> d.path("client_guid").asText(), "client_guid",
                Map.of("group_id", "groups"));
        for (String s : List.of("setting", "session_config", "password_config", "custom_welcome_email",
                "internal_help_resources_content", "digest_emails_enabled", "cloud_storage")) {
            String schema = Map.of("setting", "Setting", "session_config", "SessionConfig", "password_config", "PasswordConfig",
                    "custom_welcome_email", "CustomWelcomeEmail", "internal_help_resources_content",
                    "InternalHelpResourcesContent", "digest_emails_enabled", "DigestEmails", "cloud_storage",
                    "BackupConfiguration").get(s);
            ObjectNode want = writable(schema, ca.get("/" + s, Map.of()));
            ObjectNode have = writable(schema, cb.get("/" + s, Map.of()));
            for (String own : List.of("host_url", "managed_certificate_uri")) { // the instance's own name: not copied
                want.remove(own);
                have.remove(own);
            }
            assertThat(have).as("/%s", s).isEqualTo(want);
        }
        for (String s : List.of("saml_config", "oidc_config", "ldap_config")) {
            String schema = Map.of("saml_config", "SamlConfig", "oidc_config", "OIDCConfig", "ldap_config", "LDAPConfig").get(s);
            ObjectNode want = writable(schema, ca.get("/" + s, Map.of()));
            ObjectNode have = writable(schema, cb.get("/" + s, Map.of()));
            // never enabled without --enable-auth; mappings by name are AuthSettingsRoundTripIT's
            for (String f : List.of("enabled", "groups_with_role_ids", "user_attributes_with_ids",
                    "default_new_user_role_ids", "default_new_user_group_ids")) {
                want.remove(f);
                have.remove(f);
            }
            assertThat(have).as("/%s", s).isEqualTo(want);
        }
        assertThat(cb.get("/ldap_config", Map.of()).path("has_auth_password"))
                .isEqualTo(ca.get("/ldap_config", Map.of()).path("has_auth_password"));
    }

    private void twins(String type, String path, String schema, Function<JsonNode, String> key, String idField)
            throws Exception {
        twins(type, path, schema, key, idField, Map.of());
    }

    /** Each of A's objects has a twin in B equal in its writable fields (refs mapped) and its has_* flags. */
    private void twins(String type, String path, String schema, Function<JsonNode, String> key, String idField,
                       Map<String, String> refs, String... flags) throws Exception {
        Map<String, JsonNode> inB = new HashMap<>();
        cb.get(path, Map.of()).forEach(d -> inB.put(key.apply(d), d));
        JsonNode inA = ca.get(path, Map.of());
        assertThat(inA).as("%s at the source", type).isNotEmpty();
        for (JsonNode s : inA) {
            JsonNode t = inB.get(key.apply(s));
            assertThat(t).as("%s %s at the destination", type, key.apply(s)).isNotNull();
            ids.put(type + "/" + s.path(idField).asText(), t.path(idField).asText());
            ObjectNode want = writable(schema, s);
            for (Map.Entry<String, String> r : refs.entrySet()) {
                JsonNode v = at(want, r.getKey());
                if (v.isValueNode() && !v.isNull()) {
                    String mapped = ids.get(r.getValue() + "/" + v.asText());
                    put(want, r.getKey(), mapped == null ? v.asText() : mapped);
                }
            }
            assertThat(writable(schema, t)).as("%s %s", type, key.apply(s)).isEqualTo(want);
            for (String f : flags) {
                assertThat(at(t, f)).as("%s of %s %s", f, type, key.apply(s)).isEqualTo(at(s, f));
            }
        }
    }

    /** Each param's name → whether it has a value (sensitive ones are never answered). */
    private static Map<String, Boolean> flags(JsonNode params) {
        Map<String, Boolean> out = new HashMap<>();
        params.forEach(p -> out.put(p.path("name").asText(), p.path("has_value").asBoolean()));
        return out;
    }

    /** The fields the spec lets a client write, without Looker's own ids (palettes) and ports. */
    private static ObjectNode writable(String schema, JsonNode doc) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (WRITABLE.path(schema).has(e.getKey()) && !e.getKey().equals("local_host_port")) {
                out.set(e.getKey(), withoutIds(e.getValue().deepCopy()));
            }
        }
        return out;
    }

    private static JsonNode withoutIds(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("id");
        }
        n.forEach(InstanceCompare::withoutIds);
        return n;
    }

    private static JsonNode at(JsonNode n, String dotted) {
        for (String p : dotted.split("\\.")) {
            n = n.path(p);
        }
        return n;
    }

    private static void put(ObjectNode n, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            n = (ObjectNode) n.get(parts[i]);
        }
        n.put(parts[parts.length - 1], value);
    }

    private static LookerClient client(LookerSim sim) {
        LookerSettings s = LookerSettings.of(sim.baseUrl(), sim.clientId(), Secret.of(sim.clientSecret()), true,
                Duration.ofSeconds(10));
        return LookerClient.create(s, new ResilienceSettings(100_000, 0, 8, Duration.ofMillis(5), Duration.ofMillis(200)));
    }

    private static JsonNode load() {
        try (InputStream in = InstanceCompare.class.getResourceAsStream("/io/lookervault/restore/writable-fields.json")) {
            return new ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
