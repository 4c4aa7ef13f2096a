package io.lookervault.cli;

import static io.lookervault.cli.InspectHarness.extract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child {@code snapshot push} and {@code snapshot prune} half-way: afterwards every snapshot the
 * store lists is whole, and a rerun finishes the job.
 */
class SnapshotCrashIT {
    @TempDir
    static Path dir;
    static LookerSim sim;
    static Path vault;

    @BeforeAll
    static void start() throws Exception {
        sim = LookerSim.builder().port(0).scale(300).seed(9).build().start();
        vault = dir.resolve("vault.db");
        assertThat(extract(sim, vault).code()).isZero();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Process child(Path store, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--db", vault.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--to", store.toUri().toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    /** Bounded polling (no fixed sleep) until a file whose path contains {@code part} appears under {@code root}. */
    private static void awaitFile(Path root, String part, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.isDirectory(root) && !SnapshotIT.files(root, part).isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private static void kill9(Process p) throws Exception {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static InspectHarness.Result run(Path store, String... args) {
        List<String> a = new ArrayList<>(List.of("--db", vault.toString(), "--output", "json"));
        a.addAll(List.of(args));
        a.addAll(List.of("--to", store.toUri().toString()));
        CliRun r = CliRun.run(dir, new HashMap<>(Map.of()), a.toArray(String[]::new));
        return new InspectHarness.Result(r.exitCode(), r.out(), r.err());
    }

    /** Every snapshot the store lists verifies in full. */
    private static int assertConsistent(Path store) {
        JsonNode list = run(store, "snapshot", "list").json();
        for (JsonNode s : list) {
            InspectHarness.Result v = run(store, "snapshot", "verify", s.path("id").asText());
            assertThat(v.code()).as(v.out()).isZero();
        }
        return list.size();
    }

    @Test
    void aPushKilledHalfWayLeavesTheStoreConsistentAndARerunCompletes() throws Exception {
        Path store = dir.resolve("push-store");
        assertThat(run(store, "snapshot", "push", "--pack-size-kb", "16").code()).isZero();
        sim.mutate("dashboards", "edit", 30);
        assertThat(extract(sim, vault, "--incremental").code()).isZero();
        int packsBefore = SnapshotIT.files(store, "packs").size();
        Process p = child(store, "snapshot", "push", "--pack-size-kb", "1");
        awaitFile(store.resolve("packs"), "packs", p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && SnapshotIT.files(store, "packs").size() <= packsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        kill9(p);
        assertThat(assertConsistent(store)).isBetween(1, 2);
        assertThat(run(store, "snapshot", "push").code()).isZero();
        assertThat(assertConsistent(store)).isBetween(2, 3);
        // the killed push's lock keeps prune out until it goes stale, or until the user forces it away
        InspectHarness.Result locked = run(store, "snapshot", "prune", "--keep-last", "5");
        assertThat(locked.code()).isEqualTo(2);
        assertThat(locked.err()).contains("is locked").contains("--force-unlock");
        // the orphan packs of the killed push (in no index) go with the next prune
        assertThat(run(store, "snapshot", "prune", "--keep-last", "5", "--force-unlock").code()).isZero();
        assertThat(SnapshotIT.files(store, "locks")).isEmpty();
        assertConsistent(store);
    }

    @Test
    void aPruneKilledHalfWayNeverLeavesAKeptSnapshotMissingADocument() throws Exception {
        Path store = dir.resolve("prune-store");
        for (int i = 0; i < 4; i++) {
            assertThat(run(store, "snapshot", "push", "--pack-size-kb", "4").code()).isZero();
            sim.mutate("looks", "edit", 20);
            assertThat(extract(sim, vault, "--incremental").code()).isZero();
        }
        Process p = child(store, "snapshot", "prune", "--keep-last", "1");
        awaitFile(store.resolve("index"), "-prune", p);
        kill9(p);
        assertThat(assertConsistent(store)).isBetween(1, 4);
        // a killed prune's lock refuses a push (and a prune) until forced away
        assertThat(run(store, "snapshot", "push").code()).isEqualTo(2);
        assertThat(run(store, "snapshot", "prune", "--keep-last", "1", "--force-unlock").code()).isZero();
        assertThat(assertConsistent(store)).isEqualTo(1);
        Path pulled = dir.resolve("after-prune.db");
        CliRun r = CliRun.run(dir, Map.of(), "--db", pulled.toString(), "snapshot", "pull", "latest", "--to",
                store.toUri().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
