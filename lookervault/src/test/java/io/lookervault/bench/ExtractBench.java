package io.lookervault.bench;

import io.lookersim.LookerSim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark driver (not a test): starts the simulator in this JVM with a stated capacity and runs the real
 * CLI as a child process under {@code /usr/bin/time -v}, so items/s, requests/s and the child's peak RSS are
 * measured on the real path. Prints one result line per run. Used by bench/extract.sh.
 *
 * <p>Args (key=value): scale, latency, concurrent, simrate, workers (comma list), repeat, clientrate, ops, warmup,
 * incremental (true: full run, 1% edits, then the incremental run is measured), seed.
 */
public final class ExtractBench {
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private ExtractBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        int scale = Integer.parseInt(a.getOrDefault("scale", "5000"));
        int latency = Integer.parseInt(a.getOrDefault("latency", "50"));
        int concurrent = Integer.parseInt(a.getOrDefault("concurrent", "16"));
        double simRate = Double.parseDouble(a.getOrDefault("simrate", "0"));
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "3"));
        String clientRate = a.getOrDefault("clientrate", "100000");
        boolean incremental = Boolean.parseBoolean(a.getOrDefault("incremental", "false"));
        LookerSim.Builder b = LookerSim.builder().port(0).scale(scale).seed(Long.parseLong(a.getOrDefault("seed", "1")))
                .latencyMs(latency).maxConcurrent(concurrent);
        if (simRate > 0) {
            b.rateLimitPerSecond(simRate);
        }
        try (LookerSim sim = b.build().start()) {
            if (Boolean.parseBoolean(a.getOrDefault("warmup", "true"))) {
                // a real Looker is a warm server: one unmeasured run compiles the simulator's hot paths first
                Path db = Files.createTempFile("bench-warmup", ".db");
                Files.delete(db);
                runCli(sim, db, "8", clientRate, false);
                Files.deleteIfExists(db);
            }
            for (String w : a.getOrDefault("workers", "8").split(",")) {
                for (int r = 0; r < repeat; r++) {
                    Path db = Files.createTempFile("bench", ".db");
                    Files.delete(db);
                    Thread halver = halver(sim, concurrent, a.get("halve"));
                    Result full = runCli(sim, db, w, clientRate, false);
                    halver.interrupt();
                    if (incremental) {
                        int edited = 0;
                        for (var e : full.perType.entrySet()) {
                            int n = (int) (e.getValue() / 100);
                            if (n > 0 && !e.getKey().equals("lookml_models")) {
                                edited += sim.mutate(e.getKey(), "edit", n).size();
                            }
                        }
                        System.out.printf("edited %d of %d items%n", edited, full.items);
                        Result inc = runCli(sim, db, w, clientRate, true);
                        System.out.printf(Locale.ROOT, "incremental workers=%s full_requests=%d full_s=%.2f"
                                        + " inc_requests=%d inc_s=%.2f ratio=%.4f%n", w, full.requests, full.seconds,
                                inc.requests, inc.seconds, inc.requests / (double) full.requests);
                    } else {
                        double capacity = simRate > 0 ? simRate : latency > 0 && concurrent > 0 ? concurrent * 1000.0 / latency : 0;
                        double rps = full.requests / full.seconds;
                        System.out.printf(Locale.ROOT, "full workers=%s items=%d seconds=%.2f items_per_s=%.0f"
                                        + " requests=%d req_per_s=%.1f capacity=%.0f share=%.3f sim_req_per_s=%.1f"
                                        + " sim_share=%.3f rss_mb=%.0f cli_cpu_s=%.1f sim_cpu_s=%.1f failures=%d"
                                + " in_flight=%s rate_limited=%d%n",
                                w, full.items, full.seconds, full.items / full.seconds, full.requests, rps, capacity,
                                capacity > 0 ? rps / capacity : 0, full.simWindowRps,
                                capacity > 0 ? full.simWindowRps / capacity : 0, full.rssKb / 1024.0,
                                full.cliCpuSeconds, full.simCpuSeconds, full.failed, full.inFlight, full.rateLimited);
                    }
                    if (Boolean.parseBoolean(a.getOrDefault("ops", "false"))) {
                        printOperations(sim);
                    }
                    Files.deleteIfExists(db);
                }
            }
        }
    }

    private record Result(long items, double seconds, long requests, long failed, long rssKb, Map<String, Long> perType,
                          double simWindowRps, double cliCpuSeconds, double simCpuSeconds, String inFlight,
                          long rateLimited) {}

    /**
     * {@code halve=A,B}: the simulator serves half as many at once from A seconds after the start to B (benchmark 6),
     * and the driver prints the simulator's concurrency every second (its view of the client's in-flight limit).
     */
    private static Thread halver(LookerSim sim, int concurrent, String spec) {
        Thread t = new Thread(() -> {
            if (spec == null) {
                return;
            }
            String[] ab = spec.split(",");
            long start = System.nanoTime();
            try {
                for (int s = 1; ; s++) {
                    Thread.sleep(Math.max(0, start + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                    int want = s >= Integer.parseInt(ab[0]) && s < Integer.parseInt(ab[1]) ? concurrent / 2 : concurrent;
                    if (sim.maxConcurrent() != want) {
                        sim.maxConcurrent(want);
                    }
                    System.out.printf(Locale.ROOT, "  t=%ds capacity=%d sim_in_service=%s%n", s, want,
                            sim.stats().path("in_flight").asText());
                }
            } catch (InterruptedException e) {
                sim.maxConcurrent(concurrent);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Watches the simulator's answered-request count every millisecond from another thread, so that the
     * rate can be taken over the window in which the simulator was answering (its own view of the run,
     * without the CLI's start and end).
     */
    private static final class SimWindow implements AutoCloseable {
        private final LookerSim sim;
        private final Thread thread;
        private volatile boolean stop;
        private long firstNanos = -1;
        private long firstCount;
        private long lastNanos;
        private long lastCount;

        SimWindow(LookerSim sim) {
            this.sim = sim;
            this.thread = new Thread(this::poll, "sim-window");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            long prev = sim.requestsServed();
            while (!stop) {
                long c = sim.requestsServed();
                long t = System.nanoTime();
                if (c != prev) {
                    if (firstNanos < 0) {
                        firstNanos = t;
                        firstCount = c;
                    }
                    lastNanos = t;
                    lastCount = c;
                    prev = c;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }

        /** Requests per second between the first and the last answer seen (0 when fewer than two). */
        double rate() {
            return lastNanos > firstNanos && firstNanos >= 0 ? (lastCount - firstCount) / ((lastNanos - firstNanos) / 1e9) : 0;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
        }
    }

    private static final Pattern CPU = Pattern.compile("(User|System) time \\(seconds\\): ([\\d.]+)");

    private static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    /** The simulator's requests by operation so far, most first (where the requests of a run go). */
    private static void printOperations(LookerSim sim) {
        var ops = sim.stats().path("requests_by_operation");
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        ops.fields().forEachRemaining(e -> {
            long n = 0;
            for (var st : e.getValue()) {
                n += st.asLong();
            }
            counts.add(Map.entry(e.getKey(), n));
        });
        counts.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        counts.forEach(e -> System.out.printf(Locale.ROOT, "  %-40s %8d%n", e.getKey(), e.getValue()));
    }

    private static Result runCli(LookerSim sim, Path db, String workers, String clientRate, boolean incremental)
            throws IOException, InterruptedException {
        List<String> cmd = BenchArgs.cli(db);
        cmd.addAll(List.of("extract", "--workers", workers, "--rate-limit-per-second", clientRate));
        if (incremental) {
            cmd.add("--incremental");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
        pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
        pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        Path err = Files.createTempFile("bench", ".err");
        pb.redirectError(err.toFile());
        long t0 = System.nanoTime();
        double simCpu0 = processCpuSeconds();
        SimWindow window = new SimWindow(sim);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        window.close();
        double simCpu = processCpuSeconds() - simCpu0;
        double secs = (System.nanoTime() - t0) / 1e9;
        String stderr = Files.readString(err);
        Files.delete(err);
        Matcher m = RSS.matcher(stderr);
        long rss = m.find() ? Long.parseLong(m.group(1)) : -1;
        double cliCpu = 0;
        for (Matcher c = CPU.matcher(stderr); c.find(); ) {
            cliCpu += Double.parseDouble(c.group(2));
        }
        // JVM options such as -XX:StartFlightRecording print a line of their own before the CLI's JSON
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.substring(Math.max(0, out.indexOf('{'))));
        long items = 0;
        long failed = 0;
        Map<String, Long> perType = new HashMap<>();
        for (var it = json.path("items").fields(); it.hasNext(); ) {
            var t = it.next();
            items += t.getValue().path("total").asLong();
            failed += t.getValue().path("failed").asLong();
            perType.put(t.getKey(), t.getValue().path("total").asLong());
        }
        // the run's own duration excludes JVM start-up; use it for rates
        double runSecs = json.path("duration_seconds").asDouble(secs);
        var f = json.path("in_flight");
        String inFlight = f.path("mode").asText("?") + ":" + f.path("min").asInt() + "/" + f.path("median").asInt() + "/"
                + f.path("max").asInt();
        return new Result(items, runSecs, json.path("requests").asLong(), failed, rss, perType, window.rate(), cliCpu,
                simCpu, inFlight, json.path("rate_limited").asLong());
    }
}
