package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookersim.store.SecretsReceived;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.RestoreStore;
import io.lookervault.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets Looker cannot report as set (no {@code has_*} flag in the API): the OIDC {@code secret}, cloud storage
 * {@code custom_s3_key}/{@code custom_s3_secret} and an external OAuth application's {@code client_secret}. A restore
 * without the secrets file writes their objects and reports each secret unset; a later restore with the file sends
 * each one even though nothing else differs (the simulator's test hook shows the value arrived), and records only
 * the field's name in the vault; a third restore sends nothing. On the backup's own Looker, an unchanged object is
 * left alone and an edited one is written with its secret.
 */
class FlaglessSecretsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of("external_oauth_applications", "settings", "oidc_config");
    private static final String APP = "snowflake_oauth";

    @TempDir
    Path dir;

    @Test
    void aSecretWithoutAFlagIsSentOnceByTheFirstRestoreThatHasItThenNeverAgain() throws Exception {
        try (LookerSim a = RestoreHarness.sim(0); LookerSim b = RestoreHarness.sim(0)) {
            configure(a, "a");
            try (LookerClient cb = RestoreHarness.client(b)) {
                // the app is already at B (an admin made it by hand, with a secret no one wrote down): matched by name
                cb.post("/external_oauth_applications", Map.of(), JSON.readTree("{\"name\":\"" + APP + "\","
                        + "\"client_id\":\"hand-made\",\"client_secret\":\"hand-made-secret\",\"dialect_name\":\"snowflake\"}"));
            }
            Path db = dir.resolve("v.db");
            assertThat(RestoreHarness.extract(a, db).status()).isEqualTo(RunStatus.COMPLETED);
            Path file = secretsFile();

            // 1. without the file: every object written (their other fields differ), each secret reported, none sent
            int mark = b.secretsReceived().size();
            RestoreReport bare = restore(b, db, SecretsFile.none(), false);
            assertThat(bare.status()).as(bare.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(written(bare)).contains("external_oauth_applications/" + APP,
                    "settings/cloud_storage", "oidc_config/oidc_config");
            assertThat(notes(bare)).contains("secret client_secret: unset (no secrets file; add client_secret under"
                            + " [external_oauth_applications.\"" + APP + "\"] in the secrets file)")
                    .contains("secret custom_s3_key: unset").contains("secret custom_s3_secret: unset")
                    .contains("secret secret: unset (no secrets file; add secret under [oidc_config] in the secrets file)");
            assertThat(received(b, mark)).isEmpty();
            assertThat(sentRows(db)).isEmpty();

            // a dry run with the file says which secrets would be sent, and why, and writes nothing
            long log = b.requestLog().size();
            RestoreReport plan = restore(b, db, SecretsFile.load(file), true);
            assertThat(RestoreHarness.writes(b.requestLog().subList((int) log, b.requestLog().size()))).isZero();
            String why = ": set (Looker cannot say whether it has one, and no restore has sent it to this object)";
            assertThat(notes(plan)).contains("secret client_secret" + why).contains("secret custom_s3_key" + why)
                    .contains("secret custom_s3_secret" + why).contains("secret secret" + why).doesNotContain("flagless-");
            assertThat(written(plan)).hasSize(3);

            // 2. with the file: nothing else differs, yet each secret is sent, once, with the file's value
            mark = b.secretsReceived().size();
            RestoreReport filled = restore(b, db, SecretsFile.load(file), false);
            assertThat(filled.status()).as(filled.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(received(b, mark)).containsExactlyInAnyOrder(
                    "ExternalOauthApplication.client_secret=flagless-client-secret",
                    "BackupConfiguration.custom_s3_key=flagless-s3-key",
                    "BackupConfiguration.custom_s3_secret=flagless-s3-secret",
                    "OIDCConfig.secret=flagless-oidc-secret");
            assertThat(filled.outcomes()).filteredOn(o -> o.type().equals("oidc_config")).singleElement()
                    .satisfies(o -> assertThat(o.fields()).containsExactly("secret"));
            String appId = destId(b);
            assertThat(sentRows(db)).containsExactlyInAnyOrder(
                    b.baseUrl() + " external_oauth_applications " + appId + " client_secret",
                    b.baseUrl() + " settings cloud_storage custom_s3_key",
                    b.baseUrl() + " settings cloud_storage custom_s3_secret",
                    b.baseUrl() + " oidc_config oidc_config secret");
            String vault = Files.readString(db, StandardCharsets.ISO_8859_1);
            assertThat(vault).as("names only, never values").doesNotContain("flagless-");
            assertThat(filled.toString()).doesNotContain("flagless-");
            assertThat(io.lookervault.cli.JsonOutput.MAPPER.writeValueAsString(filled)).as("--output json")
                    .doesNotContain("flagless-").doesNotContain("secretsSent").contains("secret custom_s3_key: set");

            // 3. with the file again: recorded, so nothing is written
            mark = b.secretsReceived().size();
            log = b.requestLog().size();
            RestoreReport third = restore(b, db, SecretsFile.load(file), false);
            assertThat(RestoreHarness.writes(b.requestLog().subList((int) log, b.requestLog().size())))
                    .as(third.outcomes().toString()).isZero();
            assertThat(received(b, mark)).isEmpty();
            assertThat(written(third)).isEmpty();
        }
    }

    /**
     * Restoring into the backup's own Looker: it still holds the secrets it had, so an unchanged object is left
     * alone even with the secrets file (the file may be older than the instance); an edited external OAuth
     * application is the only thing written, its secret with it.
     */
    @Test
    void onTheSameLookerOnlyAnEditedExternalOauthAppIsWrittenAndTakesItsSecret() throws Exception {
        try (LookerSim a = RestoreHarness.sim(0)) {
            configure(a, "a");
            try (LookerClient ca = RestoreHarness.client(a)) {
                ca.post("/external_oauth_applications", Map.of(), JSON.readTree("{\"name\":\"bigquery_oauth\","
                        + "\"client_id\":\"bq-client\",\"client_secret\":\"bq-secret\",\"dialect_name\":\"bigquery_standard_sql\"}"));
            }
            Path db = dir.resolve("v.db");
            assertThat(RestoreHarness.extract(a, db).status()).isEqualTo(RunStatus.COMPLETED);
            Path file = secretsFile();

            int mark = a.secretsReceived().size();
            long log = a.requestLog().size();
            RestoreReport unchanged = restore(a, db, SecretsFile.load(file), false);
            assertThat(unchanged.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(written(unchanged)).as(unchanged.outcomes().toString()).isEmpty();
            assertThat(unchanged.counts().get("external_oauth_applications")).containsEntry(Outcome.Action.UNCHANGED, 2);
            assertThat(RestoreHarness.writes(a.requestLog().subList((int) log, a.requestLog().size()))).isZero();
            assertThat(received(a, mark)).isEmpty();
            assertThat(sentRows(db)).isEmpty();

            try (LookerClient ca = RestoreHarness.client(a)) {
                ca.patch("/external_oauth_applications/client-a", Map.of(), JSON.readTree("{\"dialect_name\":\"bigquery_standard_sql\"}"));
            }
            log = a.requestLog().size();
            RestoreReport edited = restore(a, db, SecretsFile.load(file), false);
            List<String> writes = new ArrayList<>();
            a.requestLog().subList((int) log, a.requestLog().size()).stream()
                    .filter(e -> !"GET".equals(e.method()) && !e.path().endsWith("/login") && !e.path().endsWith("/logout"))
                    .forEach(e -> writes.add(e.method() + " " + e.path()));
            assertThat(writes).containsExactly("PATCH /api/4.0/external_oauth_applications/client-a");
            assertThat(written(edited)).containsExactly("external_oauth_applications/" + APP);
            assertThat(edited.outcomes()).filteredOn(o -> o.type().equals("external_oauth_applications")).singleElement()
                    .satisfies(o -> assertThat(o.fields()).containsExactlyInAnyOrder("dialect_name", "client_secret"));
            assertThat(received(a, mark)).containsExactly("ExternalOauthApplication.client_secret=flagless-client-secret");
            try (LookerClient ca = RestoreHarness.client(a)) {
                assertThat(names(ca.get("/external_oauth_applications", Map.of()), "dialect_name"))
                        .containsExactly("bigquery_standard_sql", "snowflake");
            }

            log = a.requestLog().size();
            restore(a, db, SecretsFile.load(file), false);
            assertThat(RestoreHarness.writes(a.requestLog().subList((int) log, a.requestLog().size()))).isZero();
        }
    }

    /** OIDC with a client secret, backups to the admin's own S3 bucket, an external OAuth app: all set up at {@code sim}. */
    private static void configure(LookerSim sim, String tag) throws Exception {
        try (LookerClient api = RestoreHarness.client(sim)) {
            api.patch("/oidc_config", Map.of(), JSON.readTree("{\"enabled\":false,\"issuer\":\"https://idp.acme.example\","
                    + "\"identifier\":\"looker-" + tag + "\",\"secret\":\"oidc-secret-" + tag + "\",\"authorization_endpoint\":"
                    + "\"https://idp.acme.example/auth\",\"token_endpoint\":\"https://idp.acme.example/token\"}"));
            api.patch("/cloud_storage", Map.of(), JSON.readTree("{\"type\":\"custom-s3\",\"custom_s3_bucket\":\"acme-backups\","
                    + "\"custom_s3_bucket_region\":\"eu-west-1\",\"custom_s3_key\":\"key-" + tag + "\",\"custom_s3_secret\":"
                    + "\"secret-" + tag + "\"}"));
            api.post("/external_oauth_applications", Map.of(), JSON.readTree("{\"name\":\"" + APP + "\",\"client_id\":\"client-"
                    + tag + "\",\"client_secret\":\"client-secret-" + tag + "\",\"dialect_name\":\"snowflake\"}"));
        }
    }

    private Path secretsFile() throws Exception {
        Path file = dir.resolve("secrets.toml");
        Files.writeString(file, "[oidc_config]\nsecret = \"flagless-oidc-secret\"\n"
                + "[settings.\"cloud_storage\"]\ncustom_s3_key = \"flagless-s3-key\"\ncustom_s3_secret = \"flagless-s3-secret\"\n"
                + "[external_oauth_applications.\"" + APP + "\"]\nclient_secret = \"flagless-client-secret\"\n"
                + "[external_oauth_applications.\"bigquery_oauth\"]\nclient_secret = \"flagless-bq-secret\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static RestoreReport restore(LookerSim dest, Path db, SecretsFile secrets, boolean dryRun) throws Exception {
        RestoreOptions o = new RestoreOptions(RestoreOptions.Command.BULK, TYPES, List.of(), List.of(), false, null, null,
                4, dryRun);
        try (LookerClient api = RestoreHarness.client(dest); Vault v = Vault.open(db); RestoreStore store = RestoreStore.open(db)) {
            return new RestoreJob(api, v, store, dest.baseUrl(), Clock.systemUTC()).withSecrets(secrets).run(o);
        }
    }

    /** "type/source id" of each item the run wrote (or would write). */
    private static List<String> written(RestoreReport r) {
        return r.outcomes().stream().filter(o -> o.action() == Outcome.Action.UPDATE || o.action() == Outcome.Action.CREATE)
                .map(o -> o.type() + "/" + (o.type().equals("external_oauth_applications") ? APP : o.sourceId())).toList();
    }

    private static String notes(RestoreReport r) {
        StringBuilder out = new StringBuilder();
        r.outcomes().forEach(o -> o.notes().forEach(n -> out.append(n).append('\n')));
        return out.toString();
    }

    /** "Schema.field=value" of each secret the simulator was sent since {@code from}. */
    private static List<String> received(LookerSim sim, int from) {
        List<SecretsReceived.Entry> all = sim.secretsReceived();
        return all.subList(from, all.size()).stream().map(e -> e.schema() + "." + e.field() + "=" + e.value()).toList();
    }

    private static String destId(LookerSim sim) throws Exception {
        try (LookerClient api = RestoreHarness.client(sim)) {
            for (JsonNode app : api.get("/external_oauth_applications", Map.of())) {
                if (APP.equals(app.path("name").asText())) {
                    return app.path("id").asText();
                }
            }
        }
        throw new AssertionError("no " + APP);
    }

    private static List<String> sentRows(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dest_url, type, dest_key, field FROM secrets_sent")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return out;
    }

    private static TreeSet<String> names(JsonNode list, String field) {
        TreeSet<String> out = new TreeSet<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
