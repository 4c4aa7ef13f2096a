package io.lookervault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Restore benchmark driver (not a test): backs up a simulator A once with the real CLI, then for each worker
 * count restores the vault with the real CLI ({@code restore bulk}, child JVM) into a fresh empty simulator B
 * that has a stated capacity (latency × max concurrent requests). Prints one line per run: items/s, requests/s
 * and their share of B's capacity. Used by bench/restore.sh.
 *
 * <p>Args (key=value): scale, latency, concurrent, workers (comma list), repeat, seed.
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
        double capacity = concurrent * 1000.0 / latency;
        Path db = Files.createTempFile("restore-bench", ".db");
        Files.delete(db);
        try (LookerSim source = LookerSim.builder().port(0).scale(scale).seed(seed).build().start()) {
            cli(source, db, "extract", "--include-deleted", "--rate-limit-per-second", "100000");
        }
        for (String w : a.getOrDefault("workers", "1,2,4,8,16").split(",")) {
            for (int r = 0; r < repeat; r++) {
                try (LookerSim dest = LookerSim.builder().port(0).scale(0).seed(seed).latencyMs(latency)
                        .maxConcurrent(concurrent).build().start()) {
                    JsonNode rep = cli(dest, db, "restore", "bulk", "--workers", w, "--yes");
                    long items = 0;
                    for (JsonNode c : rep.path("counts")) {
                        for (JsonNode n : c) {
                            items += n.asLong();
                        }
                    }
                    double secs = rep.path("duration_ms").asLong() / 1000.0;
                    long requests = rep.path("requests").asLong();
                    System.out.printf(Locale.ROOT, "restore workers=%s items=%d seconds=%.2f items_per_s=%.1f"
                                    + " requests=%d req_per_s=%.1f capacity=%.0f share=%.3f status=%s%n", w, items, secs,
                            items / secs, requests, requests / secs, capacity, requests / secs / capacity,
                            rep.path("status").asText());
                }
            }
        }
        Files.deleteIfExists(db);
    }

    private static JsonNode cli(LookerSim sim, Path db, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.lookervault.cli.Main", "--db", db.toString(),
                "--output", "json", "-q"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
        pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
        pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        pb.environment().put("LOOKERVAULT_RATE_LIMIT_PER_SECOND", "100000");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        if (code != 0 && code != 4) {
            throw new IllegalStateException("lookervault " + String.join(" ", args) + " exited " + code);
        }
        return JSON.readTree(out);
    }
}
