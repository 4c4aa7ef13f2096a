package io.lookervault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import io.lookervault.testing.S3Server;
import io.lookervault.testing.SimEdits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Snapshot benchmark: a vault made by a real extract from the simulator, pushed to S3Proxy (in this JVM, over
 * loopback, filesystem backend), 1% of each type edited and extracted incrementally, pushed again, pulled back.
 * The CLI runs as child JVMs (bin/lookervault's options unless BENCH_JVM_OPTS); PUTs are counted by the server.
 * Arguments: scale=N (simulator scale, default 50000), encrypt=true|false (default true).
 *
 * <p>With {@code vault=PATH} it takes an existing vault instead (read only: a symlink to it in {@code work=DIR}
 * keeps push's staging copy out of its folder): one push, then a pull into a new folder in {@code DIR} (which runs
 * verify); each step's wall, CPU and peak RSS, the server's PUTs and bytes. That folder is deleted afterwards.
 */
public final class SnapshotBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JVM_OPTS = System.getenv().getOrDefault("BENCH_JVM_OPTS",
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxRAM=1g -Xmx320m");
    /** bin/lookervault keeps the C2 compiler (its SHA-256 intrinsics) and a 1 GB heap for {@code snapshot} commands. */
    private static final String SNAPSHOT_JVM_OPTS = System.getenv().getOrDefault("BENCH_SNAPSHOT_JVM_OPTS",
            "-XX:+UseSerialGC -Xss512k -Xmx1g");

    private SnapshotBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        if (a.containsKey("vault")) {
            existing(Path.of(a.get("vault")), Path.of(a.getOrDefault("work", "snapbench-work")),
                    Boolean.parseBoolean(a.getOrDefault("encrypt", "true")));
            return;
        }
        int scale = Integer.parseInt(a.getOrDefault("scale", "50000"));
        boolean encrypt = Boolean.parseBoolean(a.getOrDefault("encrypt", "true"));
        Path work = Files.createTempDirectory("snapbench");
        Files.createDirectories(work.resolve("s3"));
        try (LookerSim sim = LookerSim.builder().port(0).scale(scale).seed(7).build().start();
             S3Server s3 = new S3Server(work.resolve("s3"), "bench")) {
            Map<String, String> env = new LinkedHashMap<>(Map.of("LOOKERSDK_BASE_URL", sim.baseUrl(),
                    "LOOKERSDK_CLIENT_ID", sim.clientId(), "LOOKERSDK_CLIENT_SECRET", sim.clientSecret(),
                    "AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY,
                    "LOOKERVAULT_SNAPSHOT_ENDPOINT", s3.endpoint(), "LOOKERVAULT_SNAPSHOT_PATH_STYLE", "true",
                    "LOOKERVAULT_SNAPSHOT_URL", "s3://bench/looker"));
            if (encrypt) {
                env.put("LOOKERVAULT_SNAPSHOT_ENCRYPT", "true");
                env.put("LOOKERVAULT_SNAPSHOT_KEY", io.lookervault.snapshot.AgeKey.generate().identity());
            }
            Path db = work.resolve("vault.db");
            Step extract = cli(env, db, "extract", "--rate-limit-per-second", "0");
            long vaultBytes = Files.size(db);
            System.out.printf(Locale.ROOT, "extract: %d items in %.1f s, vault %.1f MB (encrypt=%s)%n",
                    total(extract.json), extract.seconds,
                    vaultBytes / 1e6, encrypt);
            push(s3, env, db, "push-1");
            int edited = SimEdits.editOnePercent(sim, db);
            Step inc = cli(env, db, "extract", "--incremental", "--rate-limit-per-second", "0");
            System.out.printf(Locale.ROOT, "edited %d items; incremental extract %.1f s%n", edited, inc.seconds);
            push(s3, env, db, "push-2");
            Path pulled = work.resolve("pulled.db");
            Step pull = cli(env, pulled, "snapshot", "pull", "latest");
            System.out.printf(Locale.ROOT, "pull: %.1f s, %.1f MB/s of vault, %d packs, sound=%s, vault %.1f MB%n",
                    pull.seconds, Files.size(pulled) / 1e6 / pull.seconds, pull.json.path("packs").asLong(),
                    pull.json.path("sound").asBoolean(), Files.size(pulled) / 1e6);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Push and pull of a vault made elsewhere (e.g. the 481,000-item one), with the store under {@code work}. */
    private static void existing(Path vault, Path workParent, boolean encrypt) throws Exception {
        Files.createDirectories(workParent);
        // a folder of its own, so that only what this run made is deleted
        Path work = Files.createTempDirectory(workParent, "snapbench-");
        Path link = work.resolve("vault.db");
        Path s3dir = work.resolve("s3");
        Path pulled = work.resolve("pulled.db");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, vault.toAbsolutePath());
        Files.createDirectories(s3dir);
        try (S3Server s3 = new S3Server(s3dir, "bench")) {
            Map<String, String> env = new LinkedHashMap<>(Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY, "LOOKERVAULT_SNAPSHOT_ENDPOINT", s3.endpoint(),
                    "LOOKERVAULT_SNAPSHOT_PATH_STYLE", "true", "LOOKERVAULT_SNAPSHOT_URL", "s3://bench/looker"));
            if (encrypt) {
                env.put("LOOKERVAULT_SNAPSHOT_ENCRYPT", "true");
                env.put("LOOKERVAULT_SNAPSHOT_KEY", io.lookervault.snapshot.AgeKey.generate().identity());
            }
            System.out.printf(Locale.ROOT, "vault %s: %.1f MB (encrypt=%s)%n", vault, Files.size(vault) / 1e6, encrypt);
            push(s3, env, link, "push");
            Step pull = cli(env, pulled, "snapshot", "pull", "latest");
            System.out.printf(Locale.ROOT, "pull: %.1f s, %.1f MB/s of vault, %d packs, %.1f MB downloaded (plain),"
                            + " sound=%s, vault %.1f MB%n", pull.seconds, Files.size(pulled) / 1e6 / pull.seconds,
                    pull.json.path("packs").asLong(), pull.json.path("downloaded_bytes").asLong() / 1e6,
                    pull.json.path("sound").asBoolean(), Files.size(pulled) / 1e6);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void push(S3Server s3, Map<String, String> env, Path db, String name) throws Exception {
        int puts0 = s3.puts();
        long bytes0 = s3.putBytes();
        Step push = cli(env, db, "snapshot", "push");
        long vault = push.json.path("vault_bytes").asLong();
        System.out.printf(Locale.ROOT, "%s: %.1f s, %.1f MB/s of vault, %d PUTs (server), %.2f MB stored"
                        + " (vault copy %.1f MB, ratio %.1fx), %d new of %d documents%n", name, push.seconds,
                vault / 1e6 / push.seconds, s3.puts() - puts0, (s3.putBytes() - bytes0) / 1e6, vault / 1e6,
                vault / (double) Math.max(1, s3.putBytes() - bytes0), push.json.path("new_documents").asLong(),
                push.json.path("documents").asLong());
    }

    private static long total(JsonNode extract) {
        long n = 0;
        for (JsonNode t : extract.path("items")) {
            n += t.path("total").asLong();
        }
        return n;
    }

    private record Step(double seconds, JsonNode json) {}

    private static Step cli(Map<String, String> env, Path db, String... args) throws Exception {
        // CPU seconds (user + sys) of the child, since wall time on a shared machine says little
        Path cpu = Files.createTempFile("snapbench-cpu", ".txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", cpu.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of((args[0].equals("snapshot") ? SNAPSHOT_JVM_OPTS : JVM_OPTS).trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lookervault.cli.Main", "--db",
                db.toString(), "--output", "json", "-q"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code + ": " + out);
        }
        String[] us = Files.readString(cpu).trim().split("\\s+");
        Files.delete(cpu);
        double cpuSecs = Double.parseDouble(us[us.length - 3]) + Double.parseDouble(us[us.length - 2]);
        System.out.printf(Locale.ROOT, "  (%s: wall %.1f s, cpu %.1f s, peak RSS %.0f MB, load %s)%n",
                String.join(" ", args), secs, cpuSecs, Long.parseLong(us[us.length - 1]) / 1024.0,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return new Step(secs, JSON.readTree(out.substring(Math.max(0, out.indexOf('{')))));
    }
}
