package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11's "done when", end to end through the CLI: {@code build-instance.js} builds a whole instance through the
 * official Node SDK on an empty simulator (connections with and without SSH, a project, SAML/OIDC/LDAP, settings,
 * theme and colours as defaults, an action hub with an enabled integration, OAuth apps, a triggered datagroup).
 * {@code extract} backs it up; {@code secrets template} lists exactly the secrets the SDK set; a dry run without
 * the file reports each one as unset; {@code restore bulk --secrets} into a second empty simulator makes every
 * object equal (ids mapped) with every secret set as the {@code has_*} flags show; a second restore writes nothing.
 */
class SdkInstanceDisasterIT {
    private static final Path NODE_DIR = Path.of("..", "looker-sim", "src", "test", "node").toAbsolutePath().normalize();
    private static final String MARK = "filled-secret-";
    /** The secrets without a has_* flag, as the simulator receives them from {@link #filled}'s file. */
    private static final List<String> FLAGLESS = List.of("OIDCConfig.secret=" + MARK + "secret",
            "BackupConfiguration.custom_s3_key=" + MARK + "custom_s3_key",
            "BackupConfiguration.custom_s3_secret=" + MARK + "custom_s3_secret",
            "ExternalOauthApplication.client_secret=" + MARK + "client_secret");

    @TempDir
    Path dir;

    @Test
    void anSdkBuiltInstanceComesBackWholeIntoAnEmptyLookerAndOnlyOnce() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules/@looker/sdk-node/package.json"))
                .as("run `npm ci` in " + NODE_DIR + " (mvn verify does)").exists();
        try (LookerSim a = LookerSim.builder().port(0).scale(0).seed(3).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(3).build().start()) {
            JsonNode made = build(a);
            String db = dir.resolve("v.db").toString();
            CliRun extract = CliRun.run(dir, CliRun.restoreEnv(a), "--db", db, "-q", "extract");
            assertThat(extract.exitCode()).as(extract.err()).isZero();

            CliRun template = CliRun.run(dir, CliRun.restoreEnv(a), "--db", db, "secrets", "template");
            assertThat(template.exitCode()).as(template.err()).isZero();
            assertThat(listed(template.out())).as(template.out()).isEqualTo(setBySdk(made));

            int mark = b.requestLog().size();
            CliRun plan = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "--output", "json", "restore", "bulk",
                    "--dry-run");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(writes(b, mark)).as("a dry run writes nothing").isZero();
            StringBuilder notes = new StringBuilder();
            JsonOutput.MAPPER.readTree(plan.out()).path("outcomes")
                    .forEach(o -> o.path("notes").forEach(n -> notes.append(n.asText()).append('\n')));
            for (String needed : setBySdk(made)) {
                if (!needed.endsWith("deploy_secret")) { // optional: offered, never reported
                    String field = needed.substring(needed.lastIndexOf(' ') + 1);
                    assertThat(notes.toString()).as(needed).contains("secret " + field + ": unset (no secrets file; add "
                            + field + " under " + needed.substring(0, needed.lastIndexOf(' ')) + " in the secrets file)");
                }
            }

            // each singleton's field diff, values shown but URLs with a path masked (a webhook's path is its token)
            assertThat(notes.toString()).contains("timezone: ").contains(" -> \"Europe/Berlin\"")
                    .contains("idp_url: (none) -> \"https://idp.dr.example/***\"").doesNotContain("example/saml");

            Path secrets = filled(template.out());
            Map<String, String> env = new HashMap<>(CliRun.restoreEnv(b));
            env.put("LOOKERVAULT_SECRETS", secrets.toString());
            CliRun first = CliRun.run(dir, env, "--db", db, "--output", "json", "restore", "bulk", "--yes");
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out() + first.err()).doesNotContain(MARK).doesNotContain(": unset");
            assertThat(Files.readString(Path.of(db), StandardCharsets.ISO_8859_1)).as("the vault").doesNotContain(MARK);
            InstanceCompare.assertSame(a, b);
            // the secrets no has_* flag can confirm: B was sent the file's values (the simulator's test hook)
            assertThat(received(b, 0)).containsAll(FLAGLESS);

            mark = b.requestLog().size();
            CliRun second = CliRun.run(dir, env, "--db", db, "--output", "json", "restore", "bulk", "--yes");
            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
            assertThat(writes(b, mark)).as("a second restore writes nothing: " + second.out()).isZero();
        }
    }

    /**
     * A restore without the file still completes what it can: each needed secret is reported; the external OAuth
     * application, which Looker will not create without its client secret, is dead-lettered, and {@code restore dlq
     * retry --secrets} creates it (the queue never held the secret). A restore with the file then sets every secret
     * the has_* flags show missing, and the instance is whole.
     */
    @Test
    void withoutTheFileSecretsAreReportedAndDlqRetryTakesThemFromTheFile() throws Exception {
        try (LookerSim a = LookerSim.builder().port(0).scale(0).seed(4).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(0).seed(4).build().start()) {
            build(a);
            String db = dir.resolve("v.db").toString();
            assertThat(CliRun.run(dir, CliRun.restoreEnv(a), "--db", db, "-q", "extract").exitCode()).isZero();
            CliRun template = CliRun.run(dir, CliRun.restoreEnv(a), "--db", db, "secrets", "template");
            Path secrets = filled(template.out());

            CliRun bare = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "--output", "json", "restore", "bulk", "--yes");
            assertThat(bare.exitCode()).as(bare.out() + bare.err()).isEqualTo(4);
            assertThat(bare.out()).contains("secret password: unset").contains("secret auth_password: unset")
                    .contains("secret params.bot_token: unset").contains("\"dead_letters\" : [ 1 ]");
            CliRun list = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "restore", "dlq", "list");
            assertThat(list.out()).contains("external_oauth_applications").doesNotContain(MARK);
            assertThat(Files.readString(Path.of(db), StandardCharsets.ISO_8859_1)).doesNotContain(MARK);

            CliRun retry = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "restore", "dlq", "retry", "--secrets",
                    secrets.toString());
            assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
            assertThat(retry.out()).contains("secret client_secret: set").doesNotContain(MARK);
            assertThat(CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "restore", "dlq", "list").out())
                    .doesNotContain("external_oauth_applications");

            int sent = b.secretsReceived().size();
            CliRun filled = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "restore", "bulk", "--yes", "--secrets",
                    secrets.toString());
            assertThat(filled.exitCode()).as(filled.out() + filled.err()).isZero();
            InstanceCompare.assertSame(a, b);
            // OIDC and cloud storage were written without their secrets by the bare run, and nothing else of them
            // differs now: sent all the same (no restore had recorded them); the app's came with the retry's create
            assertThat(received(b, sent)).containsAll(FLAGLESS.subList(0, 3)).doesNotContain(FLAGLESS.get(3));
            int mark = b.requestLog().size();
            CliRun again = CliRun.run(dir, CliRun.restoreEnv(b), "--db", db, "restore", "bulk", "--yes", "--secrets",
                    secrets.toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(writes(b, mark)).as("then nothing more: " + again.out()).isZero();
        }
    }

    /** Runs build-instance.js against {@code sim}; answers what it reports it made. */
    private JsonNode build(LookerSim sim) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "build-instance.js").directory(NODE_DIR.toFile());
        pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
        pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
        pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        pb.environment().put("LOOKERSDK_VERIFY_SSL", "false");
        File out = dir.resolve("build.out").toFile();
        File err = dir.resolve("build.err").toFile();
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err.toPath());
        assertThat(finished).as("build-instance.js did not finish:\n" + stderr).isTrue();
        assertThat(p.exitValue()).as("build-instance.js failed:\n" + stderr).isZero();
        JsonNode result = JsonOutput.MAPPER.readTree(Files.readString(out.toPath()).trim());
        assertThat(result.path("ok").asBoolean()).isTrue();
        return result.path("made");
    }

    /** "[table] field" for each secret the SDK set, as the secrets file names it. */
    private static TreeSet<String> setBySdk(JsonNode made) {
        TreeSet<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = made.path("secrets_set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey().substring(0, e.getKey().indexOf('.'));
            String name = e.getKey().substring(e.getKey().indexOf('.') + 1);
            String table = type.equals("cloud_storage") ? "[settings.\"cloud_storage\"]"
                    : name.isEmpty() ? "[" + type + "]" : "[" + type + ".\"" + name + "\"]";
            e.getValue().forEach(f -> out.add(table + " " + f.asText()));
        }
        return out;
    }

    /** "[table] field" for each key the template lists (commented optional ones included). */
    private static TreeSet<String> listed(String template) {
        TreeSet<String> out = new TreeSet<>();
        String table = null;
        for (String line : template.split("\n")) {
            if (line.startsWith("[")) {
                table = line.strip();
            } else if (line.contains(" = \"\"")) {
                out.add(table + " " + line.replaceFirst("^# ", "").split(" = ")[0].strip());
            }
        }
        return out;
    }

    /** The template filled in as an admin would (every value, optional ones uncommented), mode 0600. */
    private Path filled(String template) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("\n", -1)) {
            String l = line.startsWith("# ") && line.contains(" = \"\"") ? line.substring(2).split("   #")[0] : line;
            out.append(l.endsWith(" = \"\"") ? l.replace(" = \"\"", " = \"" + MARK + l.split(" ")[0] + "\"") : l)
                    .append('\n');
        }
        Path p = dir.resolve("secrets.toml");
        Files.writeString(p, out);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    /** "Schema.field=value" of each write-only value {@code sim} was sent since the {@code from}th. */
    private static List<String> received(LookerSim sim, int from) {
        List<io.lookersim.store.SecretsReceived.Entry> all = sim.secretsReceived();
        return all.subList(from, all.size()).stream().map(e -> e.schema() + "." + e.field() + "=" + e.value()).toList();
    }

    private static long writes(LookerSim sim, int from) {
        return sim.requestLog().subList(from, sim.requestLog().size()).stream()
                .filter(e -> !"GET".equals(e.method()) && !e.path().endsWith("/login") && !e.path().endsWith("/logout"))
                .count();
    }
}
