package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI: in-process for exit codes and JSON, as a child JVM for kill -9 and Ctrl-C. */
@org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class ExtractCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static Map<String, String> env(LookerSim sim) {
        return Map.of("LOOKERSDK_BASE_URL", sim.baseUrl(), "LOOKERSDK_CLIENT_ID", sim.clientId(),
                "LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
    }

    private int inProcess(LookerSim sim, ByteArrayOutputStream out, String... args) {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env(sim), dir, new Shutdown());
        return Main.run(args, ctx);
    }

    private String[] args(Path db, String... more) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString(), "--output", "json", "extract",
                "--rate-limit-per-second", "100000", "--batch-size", "50"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aVaultOfOneLookerRefusesAnotherLookersRunAndStaysAsItWas() throws Exception {
        Path db = dir.resolve("a.db");
        try (LookerSim a = LookerSim.builder().port(0).scale(40).seed(3).build().start();
             LookerSim b = LookerSim.builder().port(0).scale(40).seed(4).build().start()) {
            assertThat(inProcess(a, new ByteArrayOutputStream(), args(db, "-q"))).isZero();
            CliRun r = CliRun.run(dir, env(b), args(db, "-q"));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("holds backups of " + a.baseUrl()).contains("--db").doesNotContain("\tat ");
            assertThat(b.requestLog()).as("refused before asking the other Looker anything").isEmpty();
            try (io.lookervault.vault.Vault v = io.lookervault.vault.Vault.open(db)) {
                assertThat(v.runs()).hasSize(1);
            }
            assertThat(inProcess(a, new ByteArrayOutputStream(), args(db, "-q"))).as("its own Looker still").isZero();
        }
    }

    @Test
    void aPermanent404ExitsWith4AndTheJsonSummaryListsTheItem() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(200).seed(3).build().start()) {
            sim.faults().add(FaultRule.status("dashboard", 404).on("dashboard_id", "2"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(inProcess(sim, out, args(dir.resolve("v.db"), "-q"))).isEqualTo(4);
            JsonNode s = JSON.readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(s.path("status").asText()).isEqualTo("completed_with_failures");
            assertThat(s.path("items").path("dashboards").path("failed").asInt()).isEqualTo(1);
            assertThat(s.path("failures").get(0).path("id").asText()).isEqualTo("2");
            for (String k : List.of("run_id", "status", "duration_seconds", "requests", "retries", "rate_limited")) {
                assertThat(s.has(k)).as(k).isTrue();
            }
            assertThat(s.path("items").size()).isEqualTo(ContentType.values().length);
        }
    }

    @Test
    void theSummarySaysHowTheInFlightLimitMovedUnderDefaultsAndIsFixedWhenARateIsSet() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(120).seed(3).latencyMs(5).maxConcurrent(4).build().start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(inProcess(sim, out, "--db", dir.resolve("auto.db").toString(), "--output", "json", "extract",
                    "--workers", "8")).isZero();
            JsonNode f = JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("in_flight");
            assertThat(f.path("mode").asText()).as(f.toString()).isEqualTo("auto");
            int min = f.path("min").asInt();
            int median = f.path("median").asInt();
            int max = f.path("max").asInt();
            assertThat(min).as(f.toString()).isPositive().isLessThanOrEqualTo(median);
            assertThat(max).as(f.toString()).isGreaterThanOrEqualTo(median).isLessThanOrEqualTo(8);

            ByteArrayOutputStream fixedOut = new ByteArrayOutputStream();
            assertThat(inProcess(sim, fixedOut, "--db", dir.resolve("fixed.db").toString(), "--output", "json",
                    "extract", "--workers", "8", "--rate-limit-per-second", "1000")).isZero();
            JsonNode g = JSON.readTree(fixedOut.toString(StandardCharsets.UTF_8)).path("in_flight");
            assertThat(g.path("mode").asText()).as(g.toString()).isEqualTo("fixed");
        }
    }

    private Process child(LookerSim sim, Path db, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args(db, more)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("child.err").toFile())
                .redirectOutput(dir.resolve("child.out").toFile());
        pb.environment().putAll(env(sim));
        return pb.start();
    }

    /** Waits (by polling the vault, not by sleeping a fixed time) until the child committed some items. */
    private static void awaitCommitted(Path db, long n, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (db.toFile().exists()) {
                try (Vault v = Vault.open(db)) {
                    if (v.countRows("items") >= n) {
                        return;
                    }
                } catch (RuntimeException busyOrCreating) {
                    // the child may be creating the schema right now
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("child committed fewer than " + n + " items (alive=" + p.isAlive() + ")");
    }

    private static Map<String, String> snapshot(Path db) {
        Map<String, String> out = new TreeMap<>();
        try (Vault v = Vault.open(db)) {
            long run = v.runs().get(v.runs().size() - 1).runId();
            for (ContentType t : ContentType.values()) {
                v.snapshot(t.key(), run).forEach((id, h) -> out.put(t.key() + "/" + id, h));
            }
        }
        return out;
    }

    @Test
    void killDashNineThenRerunFinishesEqualToACleanRunWithoutRefetching() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(300).seed(5).latencyMs(15).build().start()) {
            Path db = dir.resolve("killed.db");
            Process p = child(sim, db, "--workers", "2");
            awaitCommitted(db, 40, p);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Map<String, String> committed = snapshot(db);
            assertThat(committed).isNotEmpty();
            int mark = sim.requestLog().size();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(inProcess(sim, out, args(db, "-q", "--workers", "8"))).isZero();
            assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("status").asText()).isEqualTo("completed");
            List<RequestLogEntry> after = sim.requestLog().subList(mark, sim.requestLog().size());
            io.lookervault.extract.ExtractIT.assertNoneFetched(after, committed);
            Path clean = dir.resolve("clean.db");
            assertThat(inProcess(sim, new ByteArrayOutputStream(), args(clean, "-q"))).isZero();
            assertThat(snapshot(db)).isEqualTo(snapshot(clean));
        }
    }

    @Test
    void ctrlCExitsWith130AndTheRunResumes() throws Exception {
        // big enough that the run is far from its end when the signal comes: the instance types and LookML
        // dashboards (issues #10, #11) made a 300-item run short enough to finish before it on a quick machine
        try (LookerSim sim = LookerSim.builder().port(0).scale(1500).seed(5).latencyMs(15).build().start()) {
            Path db = dir.resolve("int.db");
            Process p = child(sim, db, "--workers", "2");
            awaitCommitted(db, 40, p);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            int expected = 130;
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                // a build started in the background by a non-interactive shell passes SIGINT down as ignored
                // (POSIX), and a JVM keeps an ignored SIGINT ignored: then SIGTERM, which takes the same shutdown
                // path (what `kill`, systemd and cron time-outs send), stands in for Ctrl-C
                new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                expected = 143;
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops within seconds").isTrue();
            assertThat(p.exitValue()).isEqualTo(expected);
            try (Vault v = Vault.open(db)) {
                assertThat(v.runs().get(0).status().key()).isEqualTo("interrupted");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(inProcess(sim, out, args(db, "-q"))).isZero();
            assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("run_id").asLong()).isEqualTo(1);
        }
    }
}
