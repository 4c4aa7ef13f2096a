package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookervault.vault.VaultLock;
import io.lookervault.vault.VaultReader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One writing job per vault, through the real CLI: held by another process, killed -9, and released on every exit. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VaultLockIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** A child JVM that holds the lock of the vault in args[0] until it is killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (VaultLock lock = VaultLock.acquire(Path.of(args[0]), "lock-holder", Clock.systemUTC())) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }

    private static Map<String, String> env(LookerSim sim) {
        // the simulator is no production Looker: the default 20 requests/s would only make the test slow
        return Map.of("LOOKERSDK_BASE_URL", sim.baseUrl(), "LOOKERSDK_CLIENT_ID", sim.clientId(),
                "LOOKERSDK_CLIENT_SECRET", sim.clientSecret(), "LOOKERVAULT_RATE_LIMIT_PER_SECOND", "100000");
    }

    private CliRun cli(LookerSim sim, String db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(dir, env(sim), all);
    }

    private Process holder(Path db) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), db.toString())
                .redirectError(dir.resolve("holder.err").toFile()).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).as("holder started (see holder.err)").isEqualTo("locked");
        return p;
    }

    private static int runCount(CliRun runs) throws Exception {
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        return JSON.readTree(runs.out()).size();
    }

    private static void assertBusy(CliRun r, Process holder) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is in use by another LookerVault job (lock-holder, pid " + holder.pid()
                + ", since ").contains("wait for it to finish or stop it").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aJobOnAVaultHeldByAnotherProcessFailsAtOnceReadersGoOnAndKillDashNineFreesIt() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(100).seed(7).build().start()) {
            Path db = dir.resolve("looker.db");
            String d = db.toString();
            assertThat(cli(sim, d, "-q", "extract").exitCode()).isZero();
            Process holder = holder(db);
            try {
                int requests = sim.requestLog().size();
                assertBusy(cli(sim, d, "--output", "json", "extract"), holder);
                assertBusy(cli(sim, d, "extract", "--no-resume"), holder);
                assertBusy(cli(sim, d, "-q", "restore", "bulk"), holder);
                assertBusy(cli(sim, d, "restore", "single", "dashboards", "1"), holder);
                assertBusy(cli(sim, d, "restore", "dlq", "retry"), holder);
                assertBusy(cli(sim, d, "restore", "dlq", "clear"), holder);
                assertBusy(cli(sim, d, "demo", "--scale", "50"), holder);
                assertThat(sim.requestLog()).as("refused before talking to Looker").hasSize(requests);
                // readers keep working while a job holds the vault
                assertThat(runCount(cli(sim, d, "--output", "json", "runs"))).isEqualTo(1);
                assertThat(cli(sim, d, "list", "dashboards").exitCode()).isZero();
                assertThat(cli(sim, d, "restore", "dlq", "list").exitCode()).isZero();
                assertThat(cli(sim, d, "-q", "restore", "bulk", "dashboards", "--dry-run").exitCode()).isZero();
            } finally {
                holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(cli(sim, d, "-q", "extract").exitCode()).as("a killed holder blocks nothing").isZero();
            assertThat(runCount(cli(sim, d, "--output", "json", "runs"))).isEqualTo(2);
            assertThat(VaultLock.lockFile(db)).exists();
        }
    }

    @Test
    void aSecondJobInTheSameJvmIsRefusedInOneLineBeforeTheVaultIsOpened() {
        Path db = dir.resolve("same.db");
        try (VaultLock held = VaultLock.acquire(db, "extract", Clock.systemUTC())) {
            CliRun r = CliRun.run(dir, CliRun.UNREACHABLE_LOOKER, "--db", db.toString(), "extract");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).startsWith("lookervault: vault " + db + " is in use by another LookerVault job"
                    + " (extract, pid " + ProcessHandle.current().pid() + ", since ").doesNotContain("\tat ");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(db).as("never opened, so never created").doesNotExist();
    }

    @Test
    void theLockIsFreeAfterASuccessfulAFailedAndAnInterruptedRun() throws Exception {
        Path failed = dir.resolve("failed.db");
        Map<String, String> unreachable = new java.util.HashMap<>(CliRun.UNREACHABLE_LOOKER);
        unreachable.put("LOOKERVAULT_MAX_RETRIES", "0");
        CliRun r = CliRun.run(dir, unreachable, "--db", failed.toString(), "-q", "extract");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CONNECT);
        VaultLock.acquire(failed, "test", Clock.systemUTC()).close();
        Path notAVault = java.nio.file.Files.writeString(dir.resolve("text.db"), "not an SQLite file ".repeat(300));
        r = CliRun.run(dir, unreachable, "--db", notAVault.toString(), "-q", "extract");
        assertThat(r.exitCode()).as("the command threw after taking the lock: " + r.err()).isNotZero();
        VaultLock.acquire(notAVault, "test", Clock.systemUTC()).close();
        try (LookerSim sim = LookerSim.builder().port(0).scale(300).seed(5).latencyMs(15).build().start()) {
            Path ok = dir.resolve("ok.db");
            assertThat(cli(sim, ok.toString(), "-q", "extract").exitCode()).isZero();
            VaultLock.acquire(ok, "test", Clock.systemUTC()).close();
            Path db = dir.resolve("interrupted.db");
            Shutdown shutdown = new Shutdown();
            AtomicInteger code = new AtomicInteger(-1);
            Thread command = new Thread(() -> code.set(Main.run(new String[] {"--db", db.toString(), "-q", "extract",
                    "--workers", "2"}, new CliContext(new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), env(sim), dir, shutdown))));
            command.start();
            awaitCommitted(db, 20, command);
            // what Main's shutdown hook does on Ctrl-C
            shutdown.request();
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(code.get()).isEqualTo(ExitCodes.INTERRUPTED);
            VaultLock.acquire(db, "test", Clock.systemUTC()).close();
            JsonNode runs = JSON.readTree(cli(sim, db.toString(), "--output", "json", "runs").out());
            assertThat(runs.get(0).path("status").asText()).isEqualTo("interrupted");
        }
    }

    /**
     * Polls the vault (no fixed sleep) until the command committed {@code n} items. Read-only: a writing open here
     * could create the schema under the command that is creating it (a race that failed the command).
     */
    private static void awaitCommitted(Path db, long n, Thread command) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && command.isAlive()) {
            if (db.toFile().exists()) {
                try (VaultReader v = VaultReader.open(db)) {
                    if (v.itemCounts().values().stream().mapToLong(c -> c[0] + c[1]).sum() >= n) {
                        return;
                    }
                } catch (RuntimeException creating) {
                    // the command may be creating the schema right now
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the command committed fewer than " + n + " items (alive=" + command.isAlive() + ")");
    }
}
