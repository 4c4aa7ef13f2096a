package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookervault.testing.SpecFiles;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The secret fields stripped before storing cover every secret-looking write-only field of the spec. */
class SecretsSpecTest {
    @Test
    void everyWriteOnlySecretOfTheSpecIsStripped() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(SpecFiles.lookerSpec().toFile()).path("components")
                .path("schemas");
        TreeSet<String> secret = new TreeSet<>();
        for (JsonNode schema : schemas) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                boolean writeOnly = p.getValue().path("x-looker-write-only").asBoolean(false)
                        || p.getValue().path("description").asText("").toLowerCase().contains("(write-only)");
                // unset_deploy_secret is a boolean switch, not a secret
                if (writeOnly && p.getKey().matches(".*(secret|password|token|certificate|_key).*")
                        && !p.getKey().startsWith("unset_")) {
                    secret.add(p.getKey());
                }
            }
        }
        assertThat(secret).isNotEmpty().contains("secret_parameters");
        assertThat(Secrets.FIELDS).containsAll(secret);
    }

    @Test
    void stripsAtAnyDepthAndKeepsEverythingElse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode plan = json.readTree("{\"id\":\"1\",\"name\":\"n\",\"scheduled_plan_destination\":[{\"type\":"
                + "\"webhook\",\"secret_parameters\":\"{\\\"token\\\":\\\"s3cr3t\\\"}\",\"format\":\"csv\"}],"
                + "\"credentials_email\":{\"email\":\"a@b\",\"password_reset_url\":\"https://x/reset/abc\"}}");
        assertThat(Secrets.strip(plan).toString()).doesNotContain("s3cr3t").doesNotContain("reset/abc")
                .contains("\"format\":\"csv\"").contains("\"email\":\"a@b\"");
    }
}
