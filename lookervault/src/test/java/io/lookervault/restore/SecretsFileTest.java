package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import io.lookervault.vault.WriteOp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets file: owner-only, TOML, looked up by type/object/field; the template it is written from. */
class SecretsFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws Exception {
        Path p = dir.resolve("secrets-" + mode + ".toml");
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void looksUpByTypeObjectAndFieldWithEmptyAsUnset() throws Exception {
        SecretsFile f = SecretsFile.load(file("""
                [connections."warehouse"]
                password = "pw-1"
                certificate = ""
                pdt_context_override.password = "pdt-pw"
                [oidc_config]
                secret = "oidc-s"
                """, "rw-------"));
        assertThat(f.get("connections", "warehouse", "password")).contains("pw-1");
        assertThat(f.get("connections", "warehouse", "certificate")).isEmpty();
        assertThat(f.get("connections", "warehouse", "pdt_context_override.password")).contains("pdt-pw");
        assertThat(f.get("connections", "other", "password")).isEmpty();
        assertThat(f.get("oidc_config", null, "secret")).contains("oidc-s");
        assertThat(f.toString()).doesNotContain("pw-1").contains("masked");
        assertThat(SecretsFile.none().get("oidc_config", null, "secret")).isEmpty();
        assertThat(SecretsFile.load(file("[ldap_config]\nauth_password = \"x\"\n", "r--------"))
                .get("ldap_config", null, "auth_password")).contains("x");
    }

    @Test
    void refusesAFileOthersCanReadAMissingFileAndBadTomlWithoutQuotingIt() throws Exception {
        Path open = file("[oidc_config]\nsecret = \"s\"\n", "rw-r--r--");
        assertThatThrownBy(() -> SecretsFile.load(open)).isInstanceOf(RestoreException.class)
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> SecretsFile.load(dir.resolve("nope.toml"))).hasMessageContaining("does not exist")
                .hasMessageContaining("secrets template");
        Path bad = file("[oidc_config]\nsecret = \"hunter2-value\n", "rw-------");
        assertThatThrownBy(() -> SecretsFile.load(bad)).hasMessageContaining("not valid TOML")
                .hasMessageContaining("line").satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void applyPutsASecretOnCreateOrWhenTheDestinationLacksItAndReportsAnUnsetOne() throws Exception {
        SecretsFile f = SecretsFile.load(file("[connections.\"wh\"]\npassword = \"pw-1\"\n", "rw-------"));
        JsonNode doc = JSON.readTree("{\"name\":\"wh\",\"has_password\":true,\"dialect_name\":\"postgres\"}");
        List<String> notes = new ArrayList<>();
        ObjectNode body = JSON.createObjectNode();
        assertThat(SecretNeeds.apply("connections", "wh", doc, null, body, f, notes)).containsExactly("password");
        assertThat(body.path("password").asText()).isEqualTo("pw-1");
        assertThat(notes).containsExactly("secret password: set");
        // the destination has one: never compared, never resent (a second restore writes nothing)
        ObjectNode again = JSON.createObjectNode();
        assertThat(SecretNeeds.apply("connections", "wh", doc, JSON.readTree("{\"has_password\":true}"), again, f,
                new ArrayList<>())).isEmpty();
        assertThat(again.isEmpty()).isTrue();
        assertThat(SecretNeeds.apply("connections", "wh", doc, JSON.readTree("{\"has_password\":false}"), again, f,
                new ArrayList<>())).containsExactly("password");
        List<String> missing = new ArrayList<>();
        SecretNeeds.apply("connections", "wh", doc, null, JSON.createObjectNode(), SecretsFile.none(), missing);
        assertThat(missing).containsExactly("secret password: unset (no secrets file; add password under"
                + " [connections.\"wh\"] in the secrets file)");
        // a connection without a password needs none
        assertThat(SecretNeeds.apply("connections", "bq", JSON.readTree("{\"name\":\"bq\",\"has_password\":false,"
                + "\"dialect_name\":\"bigquery_standard_sql\",\"uses_application_default_credentials\":true}"), null,
                JSON.createObjectNode(), SecretsFile.none(), missing)).isEmpty();
        assertThat(missing).hasSize(1);
    }

    @Test
    void aFlaglessSecretOfAnExistingObjectIsSentWhenWrittenOrNeverRecordedElsewhereThanItsOwnLooker() throws Exception {
        SecretsFile f = SecretsFile.load(file("[external_oauth_applications.\"sf\"]\nclient_secret = \"cs-1\"\n", "rw-------"));
        JsonNode doc = JSON.readTree("{\"name\":\"sf\",\"client_id\":\"c\"}");
        JsonNode dest = JSON.readTree("{\"id\":\"7\",\"name\":\"sf\",\"client_id\":\"c\"}");
        java.util.Set<String> none = java.util.Set.of();
        java.util.Set<String> sent = java.util.Set.of("client_secret");
        record Case(SecretNeeds.Flagless flagless, List<String> put) {}
        for (Case c : List.of(new Case(new SecretNeeds.Flagless(true, false, sent), List.of("client_secret")),
                new Case(new SecretNeeds.Flagless(true, true, sent), List.of("client_secret")),
                new Case(new SecretNeeds.Flagless(false, false, none), List.of("client_secret")),
                new Case(new SecretNeeds.Flagless(false, false, sent), List.of()),
                new Case(new SecretNeeds.Flagless(false, true, none), List.of()),
                new Case(SecretNeeds.Flagless.NEVER, List.of()))) {
            ObjectNode body = JSON.createObjectNode();
            List<String> notes = new ArrayList<>();
            assertThat(SecretNeeds.apply("external_oauth_applications", "1", doc, dest, body, f, c.flagless(), notes))
                    .as("%s", c.flagless()).isEqualTo(c.put());
            assertThat(body.has("client_secret")).isEqualTo(!c.put().isEmpty());
            if (!c.flagless().written() && !c.put().isEmpty()) {
                assertThat(notes).containsExactly("secret client_secret: set (Looker cannot say whether it has one, and"
                        + " no restore has sent it to this object)");
            }
        }
        // without the file, a never-recorded one is reported on each run until one with the file sends it
        List<String> notes = new ArrayList<>();
        SecretNeeds.apply("external_oauth_applications", "1", doc, dest, JSON.createObjectNode(), SecretsFile.none(),
                new SecretNeeds.Flagless(false, false, none), notes);
        assertThat(notes).singleElement().asString().startsWith("secret client_secret: unset");
        // a flagged secret is unaffected: the destination's has_* flag decides
        assertThat(SecretNeeds.apply("connections", "wh", JSON.readTree("{\"name\":\"wh\",\"has_password\":true}"),
                JSON.readTree("{\"has_password\":true}"), JSON.createObjectNode(), f,
                new SecretNeeds.Flagless(false, false, none), new ArrayList<>())).isEmpty();
        assertThat(SecretNeeds.flagless("external_oauth_applications")).isTrue();
        assertThat(SecretNeeds.flagless("dashboards")).isFalse();
        assertThat(SecretNeeds.flagless("connections")).isFalse();
    }

    @Test
    void deadLetterBodiesHaveTheirSecretsMaskedAtAnyDepth() throws Exception {
        JsonNode body = JSON.readTree("{\"name\":\"wh\",\"password\":\"pw-1\",\"pdt_context_override\":"
                + "{\"password\":\"pw-2\",\"host\":\"h\"},\"file_type\":\".json\"}");
        String masked = SecretNeeds.masked(body).toString();
        assertThat(masked).doesNotContain("pw-1").doesNotContain("pw-2").contains("\"password\":\"(set)\"")
                .contains("\"host\":\"h\"").contains(".json");
        assertThat(body.path("password").asText()).as("the body sent is untouched").isEqualTo("pw-1");
    }

    @Test
    void theTemplateListsExactlyTheNeededSecretsAndLoadsBackOnceFilledIn() throws Exception {
        Path db = dir.resolve("v.db");
        try (Vault v = Vault.open(db)) {
            long run = v.startRun("http://x", RunMode.FULL, "{}", "2026-01-01T00:00:00Z").runId();
            try (VaultWriter w = v.writer(run, 16, null)) {
                w.submit(doc("connections", "wh", "{\"name\":\"wh\",\"has_password\":true,\"dialect_name\":\"postgres\"}"));
                w.submit(doc("connections", "bq", "{\"name\":\"bq\",\"has_password\":false,\"uses_service_auth\":true,"
                        + "\"dialect_name\":\"bigquery_standard_sql\"}"));
                w.submit(doc("connections", "adc", "{\"name\":\"adc\",\"has_password\":false,"
                        + "\"dialect_name\":\"bigquery_standard_sql\",\"uses_application_default_credentials\":true}"));
                w.submit(doc("projects", "thelook", "{\"id\":\"thelook\",\"git_username\":\"bot\"}"));
                w.submit(doc("oidc_config", "oidc_config", "{\"identifier\":\"client-1\"}"));
                w.submit(doc("ldap_config", "ldap_config", "{\"has_auth_password\":false}"));
                for (String t : List.of("connections", "projects", "oidc_config", "ldap_config")) {
                    w.submit(new WriteOp.TypeDone(t, true, true));
                }
            }
            v.setStatus(run, RunStatus.COMPLETED);
            List<SecretsTemplate.Entry> e = SecretsTemplate.entries(v, null, null);
            assertThat(e).extracting(x -> x.type() + "/" + x.name() + "/" + x.field()).containsExactly(
                    "connections/bq/certificate", "connections/bq/file_type", "connections/wh/password",
                    "projects/thelook/git_password", "projects/thelook/deploy_secret", "oidc_config/null/secret");
            String text = SecretsTemplate.render(e);
            assertThat(text).contains("[connections.\"wh\"]\npassword = \"\"\n").contains("[oidc_config]\nsecret = \"\"\n")
                    .contains("# deploy_secret = \"\"");
            Path filled = file(text.replace("password = \"\"", "password = \"pw\"").replace("secret = \"\"",
                    "secret = \"s\""), "rw-------");
            SecretsFile f = SecretsFile.load(filled);
            assertThat(f.get("connections", "wh", "password")).contains("pw");
            assertThat(f.get("projects", "thelook", "git_password")).contains("pw");
            assertThat(f.get("oidc_config", null, "secret")).contains("s");
            assertThat(f.get("projects", "thelook", "deploy_secret")).isEqualTo(Optional.empty());
        }
    }

    private static WriteOp.Fetched doc(String type, String id, String json) {
        return WriteOp.Fetched.of(type, id, json.getBytes(StandardCharsets.UTF_8), null, null, null);
    }
}
