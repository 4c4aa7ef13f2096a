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
