package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAML, OIDC and LDAP with group→role, attribute and default mappings, and the settings singletons, configured
 * on A through the API, backed up and restored into an empty B: mappings name the same roles, groups and
 * attributes there (ids translated), secrets set from the secrets file, auth left disabled until
 * {@code --enable-auth}, a second restore writes nothing.
 */
class AuthSettingsRoundTripIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void authConfigsAndSettingsComeBackMappedDisabledUntilAskedAndOnlyOnce() throws Exception {
        try (LookerSim a = RestoreHarness.sim(150); LookerSim b = RestoreHarness.sim(0)) {
            configure(a);
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            assertThat(ea.status()).isEqualTo(RunStatus.COMPLETED);
            List<SecretsTemplate.Entry> needed;
            try (Vault v = Vault.open(db)) {
                needed = SecretsTemplate.entries(v, null, null);
            }
            assertThat(needed).extracting(e -> e.type() + "/" + e.field())
                    .contains("oidc_config/secret", "ldap_config/auth_password");
            Path file = dir.resolve("secrets.toml");
            Files.writeString(file, "[oidc_config]\nsecret = \"oidc-secret-x\"\n[ldap_config]\nauth_password = \"ldap-pw-x\"\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            SecretsFile secrets = SecretsFile.load(file);

            RestoreReport first = restore(b, db, secrets, false);
            assertThat(first.status()).as(first.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(first.outcomes().toString()).contains("left disabled: rerun with --enable-auth")
                    .doesNotContain("oidc-secret-x").doesNotContain("ldap-pw-x");
            try (LookerClient ca = RestoreHarness.client(a); LookerClient cb = RestoreHarness.client(b)) {
                for (String kind : List.of("saml_config", "oidc_config", "ldap_config")) {
                    JsonNode sa = ca.get("/" + kind, Map.of());
                    JsonNode sb = cb.get("/" + kind, Map.of());
                    assertThat(sb.path("enabled").asBoolean()).as("%s enabled at B", kind).isFalse();
                    assertThat(roleMappings(ca, sa)).as("%s group→role mappings by name", kind)
                            .isEqualTo(roleMappings(cb, sb)).isNotEmpty();
                    assertThat(names(sb.path("default_new_user_roles"))).isEqualTo(names(sa.path("default_new_user_roles")));
                    assertThat(names(sb.path("default_new_user_groups"))).isEqualTo(names(sa.path("default_new_user_groups")));
                }
                assertThat(attributeMappings(cb, cb.get("/saml_config", Map.of())))
                        .isEqualTo(attributeMappings(ca, ca.get("/saml_config", Map.of()))).isNotEmpty();
                assertThat(cb.get("/ldap_config", Map.of()).path("has_auth_password").asBoolean()).isTrue();
                assertThat(cb.get("/session_config", Map.of()).path("session_minutes").asInt()).isEqualTo(720);
                assertThat(cb.get("/password_config", Map.of()).path("min_length").asInt()).isEqualTo(12);
                assertThat(cb.get("/custom_welcome_email", Map.of()).path("subject").asText()).isEqualTo("Welcome to Acme");
            }

            long before = b.requestLog().size();
            RestoreReport second = restore(b, db, secrets, false);
            assertThat(second.count(Outcome.Action.CREATE) + second.count(Outcome.Action.UPDATE)).as(second.outcomes().toString()).isZero();
            assertThat(RestoreHarness.writes(b.requestLog().subList((int) before, b.requestLog().size()))).isZero();

            RestoreReport enable = restore(b, db, secrets, true);
            assertThat(enable.outcomes()).filteredOn(o -> o.type().equals("saml_config")).singleElement()
                    .satisfies(o -> assertThat(o.fields()).contains("enabled"));
            try (LookerClient cb = RestoreHarness.client(b)) {
                assertThat(cb.get("/saml_config", Map.of()).path("enabled").asBoolean()).isTrue();
                assertThat(cb.get("/ldap_config", Map.of()).path("enabled").asBoolean()).as("disabled at A").isFalse();
            }
        }
    }

    /** What an admin set up on A: every auth kind mapped to two roles, a group and an attribute; some settings. */
    private static void configure(LookerSim a) throws Exception {
        try (LookerClient api = RestoreHarness.client(a)) {
            List<String> roles = new ArrayList<>();
            api.get("/roles", Map.of()).forEach(r -> {
                if (!"Admin".equals(r.path("name").asText()) && roles.size() < 2) {
                    roles.add(r.path("id").asText());
                }
            });
            String group = null;
            for (JsonNode g : api.get("/groups", Map.of())) {
                if (!g.path("externally_managed").asBoolean() && group == null) {
                    group = g.path("id").asText();
                }
            }
            String attr = null;
            for (JsonNode u : api.get("/user_attributes", Map.of())) {
                if (!u.path("is_system").asBoolean() && attr == null) {
                    attr = u.path("id").asText();
                }
            }
            String mappings = "\"groups_with_role_ids\":[{\"name\":\"idp-analysts\",\"looker_group_name\":\"Analysts (SSO)\","
                    + "\"role_ids\":[\"" + roles.get(0) + "\",\"" + roles.get(1) + "\"]}],"
                    + "\"user_attributes_with_ids\":[{\"name\":\"dept\",\"required\":false,\"user_attribute_ids\":[\"" + attr + "\"]}],"
                    + "\"default_new_user_role_ids\":[\"" + roles.get(0) + "\"],\"default_new_user_group_ids\":[\"" + group + "\"]";
            api.patch("/saml_config", Map.of(), JSON.readTree("{\"enabled\":true,\"idp_url\":\"https://idp.acme.example/sso\","
                    + "\"idp_issuer\":\"acme-idp\",\"set_roles_from_groups\":true," + mappings + "}"));
            api.patch("/oidc_config", Map.of(), JSON.readTree("{\"enabled\":true,\"issuer\":\"https://idp.acme.example\","
                    + "\"identifier\":\"looker-client\",\"secret\":\"oidc-secret-a\",\"authorization_endpoint\":"
                    + "\"https://idp.acme.example/auth\",\"token_endpoint\":\"https://idp.acme.example/token\"," + mappings + "}"));
            api.patch("/ldap_config", Map.of(), JSON.readTree("{\"enabled\":false,\"connection_host\":\"ldap.acme.example\","
                    + "\"connection_port\":\"636\",\"auth_username\":\"cn=looker\",\"auth_password\":\"ldap-pw-a\"," + mappings + "}"));
            api.patch("/session_config", Map.of(), JSON.readTree("{\"session_minutes\":720}"));
            api.patch("/password_config", Map.of(), JSON.readTree("{\"min_length\":12,\"require_special\":true}"));
            api.patch("/custom_welcome_email", Map.of(), JSON.readTree("{\"enabled\":true,\"subject\":\"Welcome to Acme\"}"));
        }
    }

    private static RestoreReport restore(LookerSim dest, Path db, SecretsFile secrets, boolean enableAuth) throws Exception {
        try (LookerClient api = RestoreHarness.client(dest); Vault v = Vault.open(db); RestoreStore store = RestoreStore.open(db)) {
            return new RestoreJob(api, v, store, dest.baseUrl(), Clock.systemUTC()).withSecrets(secrets)
                    .withEnableAuth(enableAuth).run(RestoreHarness.bulk(8));
        }
    }

    /** "provider group → looker group: role names", independent of ids. */
    private static TreeSet<String> roleMappings(LookerClient api, JsonNode config) throws Exception {
        Map<String, String> roleNames = new HashMap<>();
        api.get("/roles", Map.of()).forEach(r -> roleNames.put(r.path("id").asText(), r.path("name").asText()));
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode g : config.path("groups_with_role_ids")) {
            TreeSet<String> names = new TreeSet<>();
            g.path("role_ids").forEach(id -> names.add(roleNames.get(id.asText())));
            out.add(g.path("name").asText() + "→" + g.path("looker_group_name").asText() + ": " + names);
        }
        return out;
    }

    private static TreeSet<String> attributeMappings(LookerClient api, JsonNode config) throws Exception {
        Map<String, String> attrNames = new HashMap<>();
        api.get("/user_attributes", Map.of()).forEach(u -> attrNames.put(u.path("id").asText(), u.path("name").asText()));
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode m : config.path("user_attributes_with_ids")) {
            TreeSet<String> names = new TreeSet<>();
            m.path("user_attribute_ids").forEach(id -> names.add(attrNames.get(id.asText())));
            out.add(m.path("name").asText() + ": " + names);
        }
        return out;
    }

    private static TreeSet<String> names(JsonNode objects) {
        TreeSet<String> out = new TreeSet<>();
        objects.forEach(o -> out.add(o.path("name").asText()));
        return out;
    }
}
