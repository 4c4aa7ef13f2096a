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
                                + " in_flight=%s rate_limited=%d %s%n",
                                w, full.items, full.seconds, full.items / full.seconds, full.requests, rps, capacity,
                                capacity > 0 ? rps / capacity : 0, full.simWindowRps,
                                capacity > 0 ? full.simWindowRps / capacity : 0, full.rssKb / 1024.0,
                                full.cliCpuSeconds, full.simCpuSeconds, full.failed, full.inFlight, full.rateLimited,
                                full.view.line());
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
                          long rateLimited, SimView view) {}

    /**
     * The run as the simulator's request log saw it: the median and 90th percentile of its answered requests'
     * time in Looker (arrival to answer, the wait for a slot included: what the client waits for, less loopback),
     * and the 429s among the requests that arrived after the first 10 seconds of answers (benchmarks 3 and 4).
     */
    private record SimView(double p50Ms, double p90Ms, long late429, long lateRequests) {
        String line() {
            return String.format(Locale.ROOT, "sim_p50_ms=%.1f sim_p90_ms=%.1f after_10s_429=%d/%d (%.1f%%)", p50Ms, p90Ms,
                    late429, lateRequests, lateRequests == 0 ? 0 : 100.0 * late429 / lateRequests);
        }

        static SimView of(List<io.lookersim.http.RequestLogEntry> log, long lateFromSeq) {
            long[] answered = log.stream().filter(e -> e.status() != 429).mapToLong(e -> e.micros()).sorted().toArray();
            long late = log.stream().filter(e -> e.seq() > lateFromSeq).count();
            long late429 = log.stream().filter(e -> e.seq() > lateFromSeq && e.status() == 429).count();
            return new SimView(pct(answered, 0.5) / 1000.0, pct(answered, 0.9) / 1000.0, late429, late);
        }

        private static long pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
        }
    }

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
                    // in service + waiting = the client's requests in flight; waiting near 0 = the limit follows capacity
                    System.out.printf(Locale.ROOT, "  t=%ds capacity=%d sim_in_service=%d sim_waiting=%d%n", s, want,
                            sim.inService(), sim.waiting());
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
        /** The simulator's answered-request count 10 seconds after its first answer of the run (-1: not reached). */
        private volatile long after10s = -1;

        SimWindow(LookerSim sim) {
            this.sim = sim;
            this.thread = new Thread(this::poll, "sim-window");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            long prev = sim.requestsServed();
            // BENCH_OCCUPANCY_MS=100: the simulator's mean requests in service per 100 ms, printed after the run (how
            // full Looker's slots were: the start-up ramp, dips, the end)
            long occEvery = Long.parseLong(System.getenv().getOrDefault("BENCH_OCCUPANCY_MS", "0")) * 1_000_000L;
            long occSum = 0;
            int occN = 0;
            long occStart = System.nanoTime();
            StringBuilder occ = new StringBuilder();
            while (!stop) {
                if (occEvery > 0) {
                    occSum += sim.inService();
                    occN++;
                    if (System.nanoTime() - occStart >= occEvery) {
                        occ.append(String.format(Locale.ROOT, " %.1f", occSum / (double) occN));
                        occSum = 0;
                        occN = 0;
                        occStart = System.nanoTime();
                    }
                }
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
                if (after10s < 0 && firstNanos >= 0 && t - firstNanos >= 10_000_000_000L) {
                    after10s = c;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            if (occ.length() > 0) {
                System.out.println("in service, mean per " + occEvery / 1_000_000 + " ms:" + occ);
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
        long seq0 = sim.requestsServed();
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
                simCpu, inFlight, json.path("rate_limited").asLong(),
                SimView.of(sim.requestLog(seq0), window.after10s < 0 ? Long.MAX_VALUE : window.after10s));
    }
}
