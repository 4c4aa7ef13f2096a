package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * src/test/node/build-instance.js builds a whole instance (issue #11) on an empty simulator through the official
 * Node SDK; every object it reports is then read back over HTTP, and no secret it set is ever answered.
 */
class InstanceBuildIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void theOfficialSdkBuildsAWholeInstanceOnAnEmptySimulator() throws Exception {
        Path dir = Paths.get(System.getProperty("lookersim.sdkNodeDir", "src/test/node")).toAbsolutePath();
        assertThat(dir.resolve("node_modules/@looker/sdk-node/package.json")).as("run `npm ci` in " + dir + " (mvn verify does)").exists();
        try (LookerSim sim = LookerSim.builder().port(0).scale(0).seed(1).build().start()) {
            ProcessBuilder pb = new ProcessBuilder("node", "build-instance.js").directory(dir.toFile());
            pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
            pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
            pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
            pb.environment().put("LOOKERSDK_VERIFY_SSL", "false");
            File out = Files.createTempFile("build-instance", ".out").toFile();
            File err = Files.createTempFile("build-instance", ".err").toFile();
            pb.redirectOutput(out).redirectError(err);
            Process p = pb.start();
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) p.destroyForcibly();
            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            Files.delete(out.toPath());
            Files.delete(err.toPath());
            assertThat(finished).as("build-instance.js did not finish:\n" + stderr).isTrue();
            assertThat(p.exitValue()).as("build-instance.js failed:\n" + stderr + stdout).isZero();
            JsonNode result = ApiClient.JSON.readTree(stdout.trim());
            assertThat(result.path("ok").asBoolean()).isTrue();
            JsonNode made = result.path("made");

            ApiClient client = new ApiClient(sim.baseUrl(), sim.clientId(), sim.clientSecret());
            CheckedApi api = new CheckedApi(client, SpecValidator.shared());
            api.check(client.login(), new int[] {200}, "/login");
            JsonNode conns = api.get("/connections");
            java.util.List<String> names = new java.util.ArrayList<>();
            conns.forEach(c -> names.add(c.path("name").asText()));
            assertThat(names).containsExactlyInAnyOrder("dr_pg_ssh", "dr_snowflake");
            for (JsonNode c : conns) assertThat(c.path("has_password").asBoolean()).isTrue();
            assertThat(api.get("/connections/dr_pg_ssh").path("tunnel_id").asText()).isEqualTo(made.path("ssh_tunnel").path("id").asText());
            assertThat(api.get("/projects/dr_project").path("pull_request_mode").asText()).isEqualTo("required");
            assertThat(api.get("/saml_config").path("groups").path(0).path("roles")).isNotEmpty();
            assertThat(api.get("/ldap_config").path("has_auth_password").asBoolean()).isTrue();
            assertThat(api.get("/setting").path("timezone").asText()).isEqualTo("Europe/Berlin");
            assertThat(api.get("/themes/default").path("name").asText()).isEqualTo("dr_theme");
            assertThat(api.get("/color_collections/default").path("id").asText()).isEqualTo(made.path("color_collection").path("id").asText());
            assertThat(api.get("/integrations/1::slack").path("enabled").asBoolean()).isTrue();
            assertThat(api.get("/oauth_client_apps/dr-portal").path("display_name").asText()).isEqualTo("dr portal");
            assertThat(api.get("/external_oauth_applications")).hasSize(1);
            assertThat(api.get("/datagroups/" + made.path("datagroup_triggered").asText()).path("stale_before").isNull()).isFalse();
            StringBuilder everything = new StringBuilder(); // the API answers (stdout names the secret fields it set)
            for (String path : new String[] {"/connections", "/projects", "/oidc_config", "/ldap_config", "/cloud_storage",
                "/integration_hubs", "/integrations", "/external_oauth_applications"}) {
                everything.append(api.get(path));
            }
            assertThat(everything.toString()).as("no write-only field is ever answered")
                    .doesNotContain("\"password\"", "\"secret\"", "\"auth_password\"", "\"client_secret\"", "\"authorization_token\"",
                            "\"deploy_secret\"", "\"custom_s3_secret\"");
        }
    }
}
