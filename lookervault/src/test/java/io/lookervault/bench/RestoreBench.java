package io.lookervault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Restore benchmark driver (not a test): backs up a simulator A once with the real CLI, then for each worker
 * count restores the vault with the real CLI ({@code restore bulk}, child JVM) into a fresh empty simulator B
 * that has a stated capacity (latency × max concurrent requests). Prints one line per run: items/s, requests/s
 * and their share of B's capacity. Used by bench/restore.sh.
 *
 * <p>Args (key=value): scale, latency, concurrent, workers (comma list), repeat, seed, clientrate (the
 * restore's {@code --rate-limit-per-second}: a number, or {@code auto} for the default adaptive in-flight limit
 * with its slow start; default 100000, i.e. a fixed limit at the workers). Each line also carries the restore
 * CLI's CPU seconds (user + sys of its JVM, start-up included, from {@code /usr/bin/time}).
 */
public final class RestoreBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestoreBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        int scale = Integer.parseInt(a.getOrDefault("scale", "300"));
        int latency = Integer.parseInt(a.getOrDefault("latency", "20"));
        int concurrent = Integer.parseInt(a.getOrDefault("concurrent", "8"));
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "3"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        String clientRate = a.getOrDefault("clientrate", "100000");
        double capacity = concurrent * 1000.0 / latency;
        Path db = Files.createTempFile("restore-bench", ".db");
        Files.delete(db);
        try (LookerSim source = LookerSim.builder().port(0).scale(scale).seed(seed).build().start()) {
            cli(source, db, "100000", "extract", "--include-deleted");
        }
        for (String w : a.getOrDefault("workers", "1,2,4,8,16").split(",")) {
            for (int r = 0; r < repeat; r++) {
                try (LookerSim dest = LookerSim.builder().port(0).scale(0).seed(seed).latencyMs(latency)
                        .maxConcurrent(concurrent).build().start()) {
                    double[] cpu = new double[1];
                    JsonNode rep = cli(dest, db, clientRate, cpu, "restore", "bulk", "--workers", w, "--yes");
                    long items = 0;
                    for (JsonNode c : rep.path("counts")) {
                        for (JsonNode n : c) {
                            items += n.asLong();
                        }
                    }
                    double secs = rep.path("duration_ms").asLong() / 1000.0;
                    long requests = rep.path("requests").asLong();
                    System.out.printf(Locale.ROOT, "restore workers=%s items=%d seconds=%.2f items_per_s=%.1f"
                                    + " requests=%d req_per_s=%.1f capacity=%.0f share=%.3f status=%s cli_cpu_s=%.2f"
                                    + " cpu_ms_per_req=%.2f clientrate=%s%n", w, items, secs,
                            items / secs, requests, requests / secs, capacity, requests / secs / capacity,
                            rep.path("status").asText(), cpu[0], cpu[0] * 1000 / requests, clientRate);
                }
            }
        }
        Files.deleteIfExists(db);
    }

    private static final java.util.regex.Pattern CPU = java.util.regex.Pattern.compile(
            "(User|System) time \\(seconds\\): ([0-9.]+)");

    private static JsonNode cli(LookerSim sim, Path db, String rate, String... args) throws IOException, InterruptedException {
        return cli(sim, db, rate, new double[1], args);
    }

    private static JsonNode cli(LookerSim sim, Path db, String rate, double[] cpu, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = BenchArgs.cli(db);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
        pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
        pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        pb.environment().put("LOOKERVAULT_RATE_LIMIT_PER_SECOND", rate);
        Path err = Files.createTempFile("restore-bench", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        String stderr = Files.readString(err);
        Files.delete(err);
        for (java.util.regex.Matcher c = CPU.matcher(stderr); c.find(); ) {
            cpu[0] += Double.parseDouble(c.group(2));
        }
        // the CLI's own messages, without time's report
        int t = stderr.indexOf("\tCommand being timed:");
        System.err.print(t < 0 ? stderr : stderr.substring(0, t));
        if (code != 0 && code != 4) {
            throw new IllegalStateException("lookervault " + String.join(" ", args) + " exited " + code);
        }
        // JVM options such as -XX:StartFlightRecording print a line of their own before the CLI's JSON
        return JSON.readTree(out.substring(Math.max(0, out.indexOf('{'))));
    }
}
