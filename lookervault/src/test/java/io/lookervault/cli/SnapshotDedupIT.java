package io.lookervault.cli;

import static io.lookervault.cli.InspectHarness.extract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.testing.S3Server;
import io.lookervault.testing.SimEdits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a nightly push costs once the vault is in the store, at a scale where the ratio means something (a
 * 2,000-item instance: the tables are then a real share of the push), counted by the S3 server; and snapshots made
 * by the first release (format 1) still pull.
 */
class SnapshotDedupIT {
    @TempDir
    Path dir;

    @Test
    void aPushAfterOnePercentEditsSendsAtMostFivePercentOfTheFirst() throws Exception {
        Files.createDirectories(dir.resolve("s3"));
        try (LookerSim sim = LookerSim.builder().port(0).scale(2000).seed(11).build().start();
             S3Server s3 = new S3Server(dir.resolve("s3"), "backups")) {
            S3Server.useCredentials();
            Path db = dir.resolve("vault.db");
            assertThat(extract(sim, db).code()).isZero();
            Map<String, String> env = new HashMap<>(InspectHarness.env(sim));
            env.put("LOOKERVAULT_SNAPSHOT_ENDPOINT", s3.endpoint());
            env.put("LOOKERVAULT_SNAPSHOT_PATH_STYLE", "true");
            long start = s3.putBytes();
            JsonNode first = push(env, db);
            long firstBytes = s3.putBytes() - start;
            int edited = SimEdits.editOnePercent(sim, db);
            assertThat(extract(sim, db, "--incremental").code()).isZero();
            long mid = s3.putBytes();
            Map<Path, Long> before = sizes(dir.resolve("s3"));
            JsonNode second = push(env, db);
            long secondBytes = s3.putBytes() - mid;
            // what the second push stored, for the record when the ratio moves
            sizes(dir.resolve("s3")).forEach((p, n) -> {
                if (!before.containsKey(p)) {
                    System.out.println("second push stored " + dir.resolve("s3").relativize(p) + ": " + n + " bytes");
                }
            });
            System.out.printf("first push %d bytes, second %d bytes (%d items edited)%n", firstBytes, secondBytes,
                    edited);
            assertThat(edited).isGreaterThanOrEqualTo(5);
            // the server also counts the store's config and the lock objects; the push's own count is close
            assertThat(first.path("uploaded_bytes").asLong()).isCloseTo(firstBytes, org.assertj.core.data.Percentage
                    .withPercentage(1));
            assertThat(second.path("new_documents").asLong()).isPositive();
            // bench/snapshot.sh measures the goal (<= 5%) at 48,000 items: 4.4%. At 2,000 items a 1% edit
            // makes ~2.5% new documents (an edited look changes the dashboards showing it) and the per-push costs
            // (chunk-hash levels, index, manifest) weigh more: 6.5% measured. Format 1 sent 16% here.
            assertThat(secondBytes).as("second push bytes vs the first's %d", firstBytes)
                    .isLessThanOrEqualTo(firstBytes * 75 / 1000);
            Path pulled = dir.resolve("pulled.db");
            CliRun pull = CliRun.run(dir, env, "--db", pulled.toString(), "--output", "json", "snapshot", "pull",
                    "latest", "--to", "s3://backups/nightly");
            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(SnapshotIT.dump(pulled)).isEqualTo(SnapshotIT.dump(db));
        }
    }

    @Test
    void aSnapshotOfTheFirstFormatStillPulls() throws Exception {
        Path store = dir.resolve("v1-store");
        Path fixture = Path.of(getClass().getResource("/snapshot/v1-store/config").toURI()).getParent();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.toList()) {
                Files.copy(p, store.resolve(fixture.relativize(p).toString()));
            }
        }
        Path pulled = dir.resolve("pulled.db");
        CliRun pull = CliRun.run(dir, Map.of(), "--db", pulled.toString(), "--output", "json", "snapshot", "pull",
                "latest", "--to", store.toUri().toString());
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(pull.out()).path("sound").asBoolean())
                .isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + pulled); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM blobs),"
                     + " (SELECT count(*) FROM versions), (SELECT count(*) FROM runs)")) {
            // the fixture: a 183-item vault after two runs, pushed by the first release (format 1)
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(183);
            assertThat(rs.getInt(2)).isEqualTo(187);
            assertThat(rs.getInt(3)).isEqualTo(187);
            assertThat(rs.getInt(4)).isEqualTo(2);
        }
        CliRun verify = CliRun.run(dir, Map.of(), "--output", "json", "snapshot", "verify", "latest", "--to",
                store.toUri().toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void aPassphraseStoreOpensWithThePassphraseOnlyAndItsKeyIsAnAgeScryptFile() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(40).seed(3).build().start()) {
            Path db = dir.resolve("vault.db");
            assertThat(extract(sim, db).code()).isZero();
            Path store = dir.resolve("secret-store");
            Map<String, String> env = new HashMap<>(Map.of("LOOKERVAULT_SNAPSHOT_ENCRYPT", "true",
                    "LOOKERVAULT_SNAPSHOT_PASSPHRASE", "correct horse battery staple",
                    "LOOKERVAULT_SNAPSHOT_SCRYPT_WORK_FACTOR", "10", "LOOKERVAULT_SNAPSHOT_URL", store.toUri().toString()));
            CliRun push = CliRun.run(dir, env, "--db", db.toString(), "--output", "json", "snapshot", "push");
            assertThat(push.exitCode()).as(push.err()).isZero();
            String key = new String(Files.readAllBytes(store.resolve("key.age")), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(key).startsWith("age-encryption.org/v1\n-> scrypt ").contains(" 10\n");
            assertThat(key.lines().filter(l -> l.startsWith("-> ")).count()).as("scrypt stanza alone").isEqualTo(1);
            assertThat(Files.readString(store.resolve("config"))).contains("age-x25519-passphrase");

            Map<String, String> wrong = new HashMap<>(env);
            wrong.put("LOOKERVAULT_SNAPSHOT_PASSPHRASE", "incorrect horse");
            Path target = dir.resolve("pulled.db");
            CliRun bad = CliRun.run(dir, wrong, "--db", target.toString(), "snapshot", "pull", "latest");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("wrong passphrase").doesNotContain("Exception");
            assertThat(target).doesNotExist();
            Map<String, String> none = new HashMap<>(env);
            none.remove("LOOKERVAULT_SNAPSHOT_PASSPHRASE");
            CliRun missing = CliRun.run(dir, none, "--db", target.toString(), "snapshot", "pull", "latest");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("LOOKERVAULT_SNAPSHOT_PASSPHRASE");

            CliRun pull = CliRun.run(dir, env, "--db", target.toString(), "snapshot", "pull", "latest");
            assertThat(pull.exitCode()).as(pull.err()).isZero();
            assertThat(SnapshotIT.dump(target)).isEqualTo(SnapshotIT.dump(db));
        }
    }

    private JsonNode push(Map<String, String> env, Path db) throws Exception {
        CliRun r = CliRun.run(dir, env, "--db", db.toString(), "--output", "json", "snapshot", "push", "--to",
                "s3://backups/nightly");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    }

    private static Map<Path, Long> sizes(Path root) throws Exception {
        Map<Path, Long> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p, Files.size(p));
            }
        }
        return out;
    }
}
