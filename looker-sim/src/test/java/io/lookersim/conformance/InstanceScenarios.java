package io.lookersim.conformance;

import static io.lookersim.conformance.MoreWriteScenarios.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.conformance.ApiClient.Answer;

/**
 * Writes of the instance beyond its content (issue #11), every answer checked against the spec: write-only secrets
 * are accepted and never answered (only has_* flags say they are set), and a non-admin is refused.
 */
class InstanceScenarios {
    private final CheckedApi api;
    private final SampleIds ids;

    InstanceScenarios(CheckedApi api, SampleIds ids) {
        this.api = api;
        this.ids = ids;
    }

    void connectionsAndSsh() {
        ObjectNode server = obj().put("ssh_server_name", "conformance_bastion").put("ssh_server_host", "bastion.example.org")
                .put("ssh_server_port", 2222).put("ssh_server_user", "looker");
        JsonNode s = api.call(200, "POST", "/ssh_servers", server);
        String sid = s.path("ssh_server_id").asText();
        assertThat(s.path("public_key").asText()).as("a new server answers the instance's public key").startsWith("ssh-rsa ");
        assertThat(s.path("ssh_server_port").asInt()).isEqualTo(2222);
        ObjectNode tunnel = obj().put("ssh_server_id", sid).put("database_host", "10.1.2.3").put("database_port", 5432);
        JsonNode t = api.call(200, "POST", "/ssh_tunnels", tunnel);
        String tid = t.path("tunnel_id").asText();
        assertThat(t.path("ssh_server_name").asText()).isEqualTo("conformance_bastion");
        assertThat(t.path("local_host_port").asInt()).isPositive();
        api.error(422, "POST", "/ssh_tunnels", obj().put("ssh_server_id", "nope").put("database_host", "h").put("database_port", 1));

        ObjectNode c = obj().put("name", "conformance_pg").put("dialect_name", "postgres").put("host", "localhost")
                .put("port", t.path("local_host_port").asText()).put("database", "db").put("username", "u")
                .put("password", "s3cret-never-answered").put("tunnel_id", tid);
        c.putObject("pdt_context_override").put("context", "pdt").put("username", "pdt_user").put("password", "pdt-s3cret");
        JsonNode made = api.call(200, "POST", "/connections", c);
        assertThat(made.path("has_password").asBoolean()).isTrue();
        assertThat(made.has("password")).as("write-only password is never answered").isFalse();
        assertThat(made.path("pdt_context_override").path("has_password").asBoolean()).isTrue();
        assertThat(made.toString()).doesNotContain("s3cret");
        assertThat(made.path("dialect").path("name").asText()).isEqualTo("postgres");
        api.error(409, "POST", "/connections", c);
        api.error(422, "POST", "/connections", obj().put("name", "no_dialect"));
        JsonNode patched = api.call(200, "PATCH", "/connections/conformance_pg", obj().put("max_connections", 7).put("name", "renamed"));
        assertThat(patched.path("max_connections").asInt()).isEqualTo(7);
        assertThat(patched.path("name").asText()).as("the name is the id").isEqualTo("conformance_pg");
        assertThat(patched.path("pdt_context_override").path("username").asText()).isEqualTo("pdt_user");
        JsonNode read = api.get("/connections/conformance_pg");
        assertThat(read.path("tunnel_id").asText()).isEqualTo(tid);
        assertThat(read.toString()).doesNotContain("s3cret");

        api.call(204, "DELETE", "/connections/conformance_pg", null);
        api.error(404, "GET", "/connections/conformance_pg", null);
        JsonNode moved = api.call(200, "PATCH", "/ssh_tunnel/" + tid, obj().put("database_port", 5433));
        assertThat(moved.path("database_port").asInt()).isEqualTo(5433);
        api.call(204, "DELETE", "/ssh_tunnel/" + tid, null);
        JsonNode renamed = api.call(200, "PATCH", "/ssh_server/" + sid, obj().put("ssh_server_name", "conformance_b2"));
        assertThat(renamed.path("public_key").asText()).isEqualTo(s.path("public_key").asText());
        api.call(204, "DELETE", "/ssh_server/" + sid, null);
        refusedToNonAdmin("/connections", 404);
        refusedToNonAdmin("/connections/" + ids.get("connection_name"), 404);
    }

    void projects() {
        ObjectNode p = obj().put("name", "conformance_proj");
        api.error(422, "POST", "/projects", p); // production workspace: the spec says dev mode is required
        assertThat(api.call(200, "PATCH", "/session", obj().put("workspace_id", "dev")).path("workspace_id").asText()).isEqualTo("dev");
        try {
            JsonNode made = api.call(200, "POST", "/projects", p);
            assertThat(made.path("id").asText()).isEqualTo("conformance_proj");
            assertThat(made.path("uses_git").asBoolean()).isFalse();
            api.error(409, "POST", "/projects", p);
            Answer key = api.answer(new int[] {200}, "POST", "/projects/conformance_proj/git/deploy_key", null);
            assertThat(key.header("Content-Type")).startsWith("text/plain");
            assertThat(key.body()).startsWith("ssh-rsa ");
            Answer again = api.answer(new int[] {200}, "GET", "/projects/conformance_proj/git/deploy_key", null);
            assertThat(again.body()).isEqualTo(key.body());
            ObjectNode git = obj().put("git_remote_url", "git@github.com:acme/conformance.git").put("git_service_name", "github")
                    .put("git_production_branch_name", "main").put("pull_request_mode", "required").put("validation_required", true)
                    .put("git_password", "gitpw-s3cret").put("deploy_secret", "deploy-s3cret");
            JsonNode patched = api.call(200, "PATCH", "/projects/conformance_proj", git);
            assertThat(patched.path("uses_git").asBoolean()).isTrue();
            assertThat(patched.path("pull_request_mode").asText()).isEqualTo("required");
            assertThat(patched.toString()).doesNotContain("s3cret");
            assertThat(api.get("/projects/conformance_proj").toString()).doesNotContain("s3cret").contains("acme/conformance.git");
            api.error(422, "PATCH", "/projects/conformance_proj", obj().put("pull_request_mode", "sometimes"));
        } finally {
            api.call(200, "PATCH", "/session", obj().put("workspace_id", "production"));
        }
        refusedToNonAdmin("/projects", 403);
    }

    void authConfigs() {
        for (String kind : new String[] {"saml_config", "oidc_config", "ldap_config"}) {
            JsonNode fresh = api.get("/" + kind);
            assertThat(fresh.path("enabled").asBoolean()).as(kind + " is disabled on a fresh Looker").isFalse();
            api.error(422, "PATCH", "/" + kind, obj().put("enabled", true)); // enabling needs the provider's settings
            refusedToNonAdmin("/" + kind, 403);
        }
        String role = ids.get("role_id");
        String attr = ids.get("user_attribute_id");
        ObjectNode oidc = obj().put("issuer", "https://idp.example.org").put("identifier", "looker").put("secret", "oidc-s3cret")
                .put("authorization_endpoint", "https://idp.example.org/auth").put("token_endpoint", "https://idp.example.org/token")
                .put("set_roles_from_groups", true).put("groups_attribute", "groups");
        oidc.putArray("groups_with_role_ids").addObject().put("name", "idp-analysts").put("looker_group_name", "Analysts (OIDC)")
                .putArray("role_ids").add(role);
        oidc.putArray("user_attributes_with_ids").addObject().put("name", "region").put("required", false)
                .putArray("user_attribute_ids").add(attr);
        oidc.putArray("default_new_user_role_ids").add(role);
        JsonNode o = api.call(200, "PATCH", "/oidc_config", oidc);
        assertThat(o.toString()).doesNotContain("s3cret");
        assertThat(o.path("groups").path(0).path("roles").path(0).path("id").asText()).isEqualTo(role);
        String group = o.path("groups_with_role_ids").path(0).path("looker_group_id").asText();
        assertThat(api.get("/groups/" + group).path("name").asText()).isEqualTo("Analysts (OIDC)");
        assertThat(o.path("user_attributes").path(0).path("user_attributes").path(0).path("id").asText()).isEqualTo(attr);
        assertThat(o.path("default_new_user_roles").path(0).path("id").asText()).isEqualTo(role);
        assertThat(o.path("enabled").asBoolean()).isFalse();
        JsonNode again = api.call(200, "PATCH", "/oidc_config", obj().put("enabled", true));
        assertThat(again.path("enabled").asBoolean()).isTrue();
        assertThat(again.path("groups_with_role_ids").path(0).path("looker_group_id").asText()).as("PATCH keeps what it omits").isEqualTo(group);
        api.error(422, "PATCH", "/saml_config", obj().set("groups_with_role_ids", ApiClient.JSON.createArrayNode()
                .add(obj().put("name", "x").set("role_ids", MoreWriteScenarios.arr("999999")))));
        JsonNode ldap = api.call(200, "PATCH", "/ldap_config", obj().put("connection_host", "ldap.example.org").put("connection_port", "636")
                .put("auth_password", "ldap-s3cret").put("connection_tls", true));
        assertThat(ldap.path("has_auth_password").asBoolean()).isTrue();
        assertThat(ldap.toString()).doesNotContain("s3cret");
        JsonNode saml = api.call(200, "PATCH", "/saml_config", obj().put("idp_url", "https://idp.example.org/saml").put("idp_issuer", "idp")
                .put("enabled", true));
        assertThat(saml.path("enabled").asBoolean()).isTrue();
        api.call(200, "PATCH", "/oidc_config", obj().put("enabled", false));
        api.call(200, "PATCH", "/saml_config", obj().put("enabled", false));
    }

    void settings() {
        ObjectNode set = obj().put("timezone", "Europe/Berlin").put("marketplace_site", "https://evil.example")
                .put("onboarding_enabled", false);
        set.putObject("privatelabel_configuration").put("default_title", "Acme Analytics");
        set.putObject("custom_welcome_email").put("enabled", true).put("subject", "Welcome to Acme");
        JsonNode s = api.call(200, "PATCH", "/setting", set);
        assertThat(s.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(s.path("marketplace_site").asText()).as("read-only stays").isEqualTo("https://marketplace-api.looker.com");
        assertThat(s.path("privatelabel_configuration").path("default_title").asText()).isEqualTo("Acme Analytics");
        assertThat(s.path("privatelabel_configuration").path("show_docs").asBoolean()).as("nested fields merge").isTrue();
        assertThat(api.get("/custom_welcome_email").path("subject").asText()).isEqualTo("Welcome to Acme");
        assertThat(api.get("/setting?fields=timezone").path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(api.call(200, "PATCH", "/session_config", obj().put("session_minutes", 60)).path("session_minutes").asInt()).isEqualTo(60);
        api.error(422, "PATCH", "/session_config", obj().put("session_minutes", 1));
        JsonNode pw = api.call(200, "PATCH", "/password_config", obj().put("min_length", 12).put("expiration_enabled", true));
        assertThat(pw.path("policy_enabled_at").isNull()).isFalse();
        api.error(422, "PATCH", "/password_config", obj().put("min_length", 3));
        assertThat(api.call(200, "PATCH", "/custom_welcome_email", obj().put("header", "Hi")).path("subject").asText()).isEqualTo("Welcome to Acme");
        assertThat(api.call(200, "PATCH", "/internal_help_resources", obj().put("enabled", true)).path("enabled").asBoolean()).isTrue();
        assertThat(api.call(200, "PATCH", "/internal_help_resources_content", obj().put("organization_name", "Acme IT")
                .put("markdown_content", "# Help")).path("organization_name").asText()).isEqualTo("Acme IT");
        assertThat(api.call(200, "PATCH", "/digest_emails_enabled", obj().put("is_enabled", false)).path("is_enabled").asBoolean()).isFalse();
        JsonNode cs = api.call(200, "PATCH", "/cloud_storage", obj().put("type", "custom-s3").put("custom_s3_bucket", "acme-backups")
                .put("custom_s3_key", "AKIA-s3cret").put("custom_s3_secret", "s3cret"));
        assertThat(cs.path("custom_s3_bucket").asText()).isEqualTo("acme-backups");
        assertThat(cs.toString()).doesNotContain("s3cret");
        refusedToNonAdmin("/password_config", 403);
        refusedToNonAdmin("/setting", 404);
    }

    void themesColorsDatagroups() {
        String before = api.get("/themes/default").path("name").asText();
        JsonNode t = api.call(200, "POST", "/themes", obj().put("name", "conformance_default"));
        assertThat(api.call(200, "PUT", "/themes/default?name=conformance_default", null).path("id").asText()).isEqualTo(t.path("id").asText());
        assertThat(api.get("/themes/default").path("name").asText()).isEqualTo("conformance_default");
        api.error(400, "DELETE", "/themes/" + t.path("id").asText(), null);
        api.call(200, "PUT", "/themes/default?name=" + before, null);
        api.call(204, "DELETE", "/themes/" + t.path("id").asText(), null);

        ObjectNode cc = obj().put("label", "Acme Brand");
        cc.putArray("categoricalPalettes").addObject().put("label", "Acme").put("type", "Categorical")
                .set("colors", MoreWriteScenarios.arr("#112233", "#445566"));
        ObjectNode seq = cc.putArray("sequentialPalettes").addObject().put("label", "Acme seq").put("type", "Sequential");
        seq.putArray("stops").addObject().put("color", "#ffffff").put("offset", 0);
        cc.putArray("divergingPalettes");
        JsonNode made = api.call(200, "POST", "/color_collections", cc);
        String id = made.path("id").asText();
        assertThat(made.path("categoricalPalettes").path(0).path("id").asText()).isNotEmpty();
        assertThat(PagingChecks.ids(api.get("/color_collections/custom"))).containsExactly(id);
        assertThat(PagingChecks.ids(api.get("/color_collections/standard"))).doesNotContain(id).isNotEmpty();
        assertThat(PagingChecks.ids(api.get("/color_collections"))).contains(id);
        assertThat(api.call(200, "PATCH", "/color_collections/" + id, obj().put("label", "Acme Brand 2")).path("label").asText())
                .isEqualTo("Acme Brand 2");
        String standard = ids.get("collection_id");
        api.error(403, "PATCH", "/color_collections/" + standard, obj().put("label", "x"));
        api.call(200, "PUT", "/color_collections/default?collection_id=" + id, null);
        api.error(400, "DELETE", "/color_collections/" + id, null);
        api.call(200, "PUT", "/color_collections/default?collection_id=" + standard, null);
        api.call(204, "DELETE", "/color_collections/" + id, null);
        api.error(404, "GET", "/color_collections/" + id, null);

        String dg = ids.get("datagroup_id");
        JsonNode d = api.call(200, "PATCH", "/datagroups/" + dg, obj().put("stale_before", 1_900_000_000L).put("triggered_at", 1_900_000_001L)
                .put("name", "renamed"));
        assertThat(d.path("stale_before").asLong()).isEqualTo(1_900_000_000L);
        assertThat(d.path("name").asText()).as("read-only").isNotEqualTo("renamed");
        assertThat(api.get("/datagroups/" + dg).path("triggered_at").asLong()).isEqualTo(1_900_000_001L);
        api.error(422, "PATCH", "/datagroups/" + dg, obj().put("stale_before", "yesterday"));
    }

    void integrationsAndOauthApps() {
        JsonNode hub = api.call(200, "POST", "/integration_hubs", obj().put("url", "https://hub.example.org/actions")
                .put("authorization_token", "hub-s3cret"));
        String hid = hub.path("id").asText();
        assertThat(hub.path("has_authorization_token").asBoolean()).isTrue();
        assertThat(hub.toString()).doesNotContain("s3cret");
        api.error(409, "POST", "/integration_hubs", obj().put("url", "https://hub.example.org/actions"));
        assertThat(api.call(200, "PATCH", "/integration_hubs/" + hid, obj().put("authorization_token", "")).path("has_authorization_token")
                .asBoolean()).isFalse();
        api.error(400, "DELETE", "/integration_hubs/1", null);
        api.call(204, "DELETE", "/integration_hubs/" + hid, null);
        assertThat(api.get("/integrations?integration_hub_id=1")).isNotEmpty();
        ObjectNode slack = obj().put("enabled", true);
        slack.putArray("params").addObject().put("name", "bot_token").put("value", "xoxb-s3cret");
        JsonNode i = api.call(200, "PATCH", "/integrations/1::slack", slack);
        assertThat(i.path("enabled").asBoolean()).isTrue();
        assertThat(i.toString()).as("a sensitive param's value is never answered").doesNotContain("s3cret");
        assertThat(i.path("params").path(1).path("has_value").asBoolean()).isTrue();
        api.error(422, "PATCH", "/integrations/1::slack", obj().set("params", ApiClient.JSON.createArrayNode().add(obj().put("name", "nope"))));

        ObjectNode app = obj().put("redirect_uri", "https://app.example.org/callback").put("display_name", "Acme app")
                .put("description", "Acme's Looker client").put("enabled", true);
        JsonNode a = api.call(200, "POST", "/oauth_client_apps/acme-app", app);
        assertThat(a.path("client_guid").asText()).isEqualTo("acme-app");
        api.error(409, "POST", "/oauth_client_apps/acme-app", app);
        assertThat(api.call(200, "PATCH", "/oauth_client_apps/acme-app", obj().put("enabled", false)).path("enabled").asBoolean()).isFalse();
        assertThat(api.get("/oauth_client_apps/acme-app").path("display_name").asText()).isEqualTo("Acme app");
        api.call(204, "DELETE", "/oauth_client_apps/acme-app", null);

        JsonNode ext = api.call(200, "POST", "/external_oauth_applications", obj().put("name", "snowflake_oauth").put("client_id", "sf-client")
                .put("client_secret", "ext-s3cret").put("dialect_name", "snowflake"));
        assertThat(ext.toString()).doesNotContain("s3cret");
        assertThat(api.get("/external_oauth_applications?name=snowflake_oauth")).hasSize(1);
        assertThat(api.call(200, "PATCH", "/external_oauth_applications/sf-client", obj().put("tenant_id", "t1")).path("tenant_id").asText())
                .isEqualTo("t1");
        api.call(204, "DELETE", "/external_oauth_applications/sf-client", null);
        refusedToNonAdmin("/oauth_client_apps", 404);
    }

    /** A non-admin (a sudo'd ordinary user) is refused: 403 where the spec declares it, else Looker's 404. */
    void refusedToNonAdmin(String path, int status) {
        String user = null;
        for (JsonNode u : api.get("/users?fields=id,role_ids")) {
            if (user == null && !u.path("role_ids").toString().contains("\"1\"")) user = u.path("id").asText();
        }
        assertThat(user).as("a user without the Admin role").isNotNull();
        Answer sudo = api.client().send("POST", "/login/" + user, null);
        api.check(sudo, new int[] {200}, "/login/" + user);
        Answer a = api.client().sendUrl("GET", api.client().apiUrl(path), null, "token " + sudo.json().path("access_token").asText());
        api.check(a, new int[] {status}, path);
    }
}
