package io.lookervault.cli;

import static io.lookervault.cli.InspectHarness.cli;
import static io.lookervault.cli.InspectHarness.extract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Off-site snapshots end to end: a vault made by real extracts from the simulator, pushed to a real S3 API
 * server (S3Proxy on loopback) or a folder, pulled back, verified, damaged on purpose, pruned.
 */
class SnapshotIT {
    static final String KEY = "AGE-SECRET-KEY-1YNQA3299TEY97LPEZA339CZN3PVY8DTEP30AZUV3WYWFSEAP4LKSPT084L";

    @TempDir
    static Path dir;
    static LookerSim sim;
    static S3Server s3;
    static Path vault;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().port(0).scale(150).seed(5).build().start();
        vault = dir.resolve("vault.db");
        assertThat(extract(sim, vault).code()).isZero();
        Files.createDirectories(dir.resolve("s3"));
        s3 = new S3Server(dir.resolve("s3"), "backups");
        S3Server.useCredentials();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        sim.close();
    }

    static Map<String, String> env(boolean encrypt) {
        Map<String, String> env = new HashMap<>(InspectHarness.env(sim));
        env.put("LOOKERVAULT_SNAPSHOT_ENDPOINT", s3.endpoint());
        env.put("LOOKERVAULT_SNAPSHOT_PATH_STYLE", "true");
        if (encrypt) {
            env.put("LOOKERVAULT_SNAPSHOT_ENCRYPT", "true");
            env.put("LOOKERVAULT_SNAPSHOT_KEY", KEY);
        }
        return env;
    }

    static InspectHarness.Result run(Map<String, String> env, String... args) {
        CliRun r = CliRun.run(dir, env, args);
        return new InspectHarness.Result(r.exitCode(), r.out(), r.err());
    }

    static JsonNode push(Map<String, String> env, Path db, String url) {
        InspectHarness.Result r = run(env, "--db", db.toString(), "--output", "json", "snapshot", "push", "--to", url,
                "--pack-size-kb", "64");
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    /** Every table of a vault, row by row, as text: two vaults with equal dumps hold the same items and history. */
    static String dump(Path db) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String t : List.of("runs", "run_type_counts", "blobs", "versions", "items", "checkpoints", "failures")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        b.append(t);
                        for (int i = 1; i <= n; i++) {
                            b.append('|').append(rs.getString(i));
                        }
                        b.append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    static List<Path> files(Path root, String part) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().contains(part)).sorted().toList();
        }
    }

    @Test
    void encryptedRoundTripThroughS3IsEqualAndSound() throws Exception {
        Map<String, String> env = env(true);
        JsonNode pushed = push(env, vault, "s3://backups/roundtrip");
        assertThat(pushed.path("encrypted").asBoolean()).isTrue();
        assertThat(pushed.path("documents").asLong()).isPositive();
        Path pulled = dir.resolve("pulled.db");
        InspectHarness.Result r = run(env, "--db", pulled.toString(), "--output", "json", "snapshot", "pull", "latest",
                "--to", "s3://backups/roundtrip");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().path("sound").asBoolean()).isTrue();
        assertThat(dump(pulled)).isEqualTo(dump(vault));
        assertThat(cli(sim, dir, "--db", pulled.toString(), "verify").code()).isZero();
        // the store never sees plaintext: every object but config is an age file
        for (Path p : files(dir.resolve("s3"), "roundtrip")) {
            if (!p.getFileName().toString().equals("config")) {
                assertThat(new String(Files.readAllBytes(p), 0, 21, java.nio.charset.StandardCharsets.US_ASCII))
                        .as(p.toString()).isEqualTo("age-encryption.org/v1");
            }
        }
        InspectHarness.Result verify = run(env, "--output", "json", "snapshot", "verify", "latest", "--to",
                "s3://backups/roundtrip");
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.json().path("documents_checked").asLong()).isEqualTo(pushed.path("documents").asLong());
    }

    @Test
    void aSecondPushAfterEditsUploadsOnlyWhatIsNew() throws Exception {
        Path db = dir.resolve("incremental.db");
        Files.copy(vault, db);
        Map<String, String> env = env(false);
        int before = s3.distinctKeys();
        JsonNode first = push(env, db, "s3://backups/incremental");
        int firstPuts = s3.distinctKeys() - before;
        sim.mutate("dashboards", "edit", 2);
        assertThat(extract(sim, db, "--incremental").code()).isZero();
        int mid = s3.distinctKeys();
        int midRequests = s3.puts();
        JsonNode second = push(env, db, "s3://backups/incremental");
        int secondPuts = s3.distinctKeys() - mid;
        assertThat(s3.puts() - midRequests).as("PUT requests, retries included").isLessThanOrEqualTo(8);
        // the first push also creates the store's config object; each push writes (and removes) its lock
        assertThat(firstPuts).isEqualTo(first.path("uploaded_objects").asInt() + 2);
        assertThat(firstPuts).isGreaterThan(4);
        // one pack of new documents, one of the changed table chunks, their index and the manifest
        assertThat(secondPuts).isEqualTo(second.path("uploaded_objects").asInt() + 1);
        assertThat(second.path("uploaded_objects").asInt()).isLessThanOrEqualTo(4);
        assertThat(second.path("new_documents").asLong()).isPositive()
                .isLessThan(first.path("new_documents").asLong() / 10);
        assertThat(run(env, "--output", "json", "snapshot", "list", "--to", "s3://backups/incremental").json())
                .hasSize(2);
    }

    @Test
    void damageInAFolderStoreIsFoundAndNothingIsOverwritten() throws Exception {
        Path store = dir.resolve("folder-store");
        String url = store.toUri().toString();
        Map<String, String> env = env(true);
        push(env, vault, url);
        Path target = dir.resolve("existing.db");
        Files.writeString(target, "not to be overwritten");

        InspectHarness.Result exists = run(env, "--db", target.toString(), "snapshot", "pull", "latest", "--to", url);
        assertThat(exists.code()).isEqualTo(2);
        assertThat(exists.err()).contains("--force");

        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("LOOKERVAULT_SNAPSHOT_KEY", io.lookervault.snapshot.AgeKey.generate().identity());
        InspectHarness.Result badKey = run(wrong, "--db", target.toString(), "snapshot", "pull", "latest", "--to", url,
                "--force");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("is not the key of").doesNotContain("Exception");

        Path pack = files(store, "packs").get(0);
        byte[] original = Files.readAllBytes(pack);
        byte[] tampered = original.clone();
        tampered[tampered.length / 2] ^= 1;
        Files.write(pack, tampered);
        InspectHarness.Result bad = run(env, "--db", target.toString(), "snapshot", "pull", "latest", "--to", url,
                "--force");
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.err()).contains("does not match its SHA-256").doesNotContain("\tat ");
        assertThat(run(env, "snapshot", "verify", "--to", url).code()).isEqualTo(4);

        Files.delete(pack);
        InspectHarness.Result missing = run(env, "snapshot", "verify", "--to", url);
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.out()).contains("is missing");
        assertThat(run(env, "--db", target.toString(), "snapshot", "pull", "latest", "--to", url, "--force").code())
                .isEqualTo(4);
        Files.write(pack, original);

        Path manifest = files(store, "snapshots").get(0);
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(whole, whole.length / 2));
        InspectHarness.Result truncated = run(env, "--db", target.toString(), "snapshot", "pull", "latest", "--to",
                url, "--force");
        assertThat(truncated.code()).isEqualTo(4);
        assertThat(truncated.err()).contains("manifest of snapshot");
        assertThat(Files.readString(target)).isEqualTo("not to be overwritten");
        Files.write(manifest, whole);
        // a pull killed with -9 leaves its hidden file and maybe a WAL beside it: the next pull starts them afresh
        String hidden = "." + target.getFileName() + ".pull-" + manifest.getFileName();
        Files.writeString(dir.resolve(hidden), "a killed pull's half-built file");
        Files.writeString(dir.resolve(hidden + "-wal"), "a killed pull's WAL");
        assertThat(run(env, "--db", target.toString(), "snapshot", "pull", "latest", "--to", url, "--force").code())
                .isZero();
        assertThat(dir.resolve(hidden)).doesNotExist();
        assertThat(dir.resolve(hidden + "-wal")).doesNotExist();
    }

    @Test
    void pruneKeepsWhatThePolicySaysAndTheRestStillPulls() throws Exception {
        Path db = dir.resolve("prune.db");
        Files.copy(vault, db);
        String url = dir.resolve("prune-store").toUri().toString();
        Map<String, String> env = env(false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(push(env, db, url).path("snapshot").asText());
            sim.mutate("looks", "edit", 3);
            assertThat(extract(sim, db, "--incremental").code()).isZero();
        }
        InspectHarness.Result dry = run(env, "--output", "json", "snapshot", "prune", "--keep-last", "1", "--dry-run",
                "--to", url);
        assertThat(dry.json().path("forgotten")).hasSize(2);
        assertThat(run(env, "snapshot", "list", "--to", url, "--output", "json").json()).hasSize(3);
        InspectHarness.Result pruned = run(env, "--output", "json", "snapshot", "prune", "--keep-last", "1", "--to", url);
        assertThat(pruned.code()).as(pruned.err()).isZero();
        assertThat(pruned.json().path("kept").get(0).asText()).isEqualTo(ids.get(2));
        assertThat(run(env, "snapshot", "verify", "latest", "--to", url).code()).isZero();
        Path pulled = dir.resolve("pruned-pull.db");
        assertThat(run(env, "--db", pulled.toString(), "snapshot", "pull", ids.get(2), "--to", url).code()).isZero();
        assertThat(run(env, "snapshot", "prune", "--to", url).code()).isEqualTo(2);
    }

    @Test
    void extractWithSnapshotPushesAfterASuccessfulRunAndKeepsTheRunWhenThePushFails() throws Exception {
        Path db = dir.resolve("nightly.db");
        Files.copy(vault, db);
        Map<String, String> env = env(false);
        env.put("LOOKERVAULT_SNAPSHOT_URL", dir.resolve("nightly-store").toUri().toString());
        InspectHarness.Result ok = run(env, "--db", db.toString(), "--output", "json", "extract", "--incremental",
                "--snapshot", "--rate-limit-per-second", "100000");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.json().path("run_id").asLong()).isEqualTo(2);
        assertThat(ok.err()).contains("snapshot ").contains(" pushed");
        JsonNode list = run(env, "--output", "json", "snapshot", "list").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("last_run").asLong()).isEqualTo(2);

        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the store should be");
        env.put("LOOKERVAULT_SNAPSHOT_URL", blocker.toUri().toString());
        InspectHarness.Result failed = run(env, "--db", db.toString(), "--output", "json", "extract", "--incremental",
                "--snapshot", "--rate-limit-per-second", "100000");
        assertThat(failed.code()).isEqualTo(4);
        assertThat(failed.err()).contains("the run is kept");
        assertThat(failed.json().path("run_id").asLong()).isEqualTo(3);
    }
}
