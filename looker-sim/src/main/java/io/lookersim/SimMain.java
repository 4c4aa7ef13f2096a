package io.lookersim;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Command line: starts a simulator, prints its base URL and credentials, serves until interrupted. */
public final class SimMain {
    private SimMain() {}

    static final String HELP = String.join("\n",
            "Usage: looker-sim [options]   (also: lookervault sim serve [options])",
            "Runs a Looker API 4.0 simulator on 127.0.0.1 (API under /api/4.0, admin under /__sim/).",
            "  --port N                   port, 0 = any free port (default 0)",
            "  --client-id ID             API client id (default: random per start)",
            "  --client-secret SECRET     API client secret (default: random per start)",
            "  --scale N                  about N content items (default 100; 0 = fresh instance)",
            "  --seed S                   content seed (default 1); same seed and scale = same content",
            "  --latency-ms L             base latency of every request (default 0)",
            "  --per-item-latency-us U    extra latency per item in a list answer (default 0)",
            "  --max-concurrent C         requests served at once; the rest wait their turn (default 0 = unlimited)",
            "  --rate-limit-per-second R  token bucket; beyond it 429 with Retry-After (default 0 = off)",
            "  --fault-rate F             share of requests failing with 5xx/reset/slow/truncated (default 0)",
            "  --token-ttl SECONDS        access token lifetime (default 3600)",
            "  --help                     this help",
            "Example: looker-sim --port 8080 --scale 10000 --seed 42 --max-concurrent 16 --latency-ms 50");

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        if (rc != 0) Runtime.getRuntime().halt(rc);
    }

    /** Parses flags, starts, blocks until the thread is interrupted or the JVM shuts down. 0 ok / --help, 2 bad flag. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        LookerSim.Builder b = LookerSim.builder().port(0);
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.println(HELP);
                    return 0;
                }
                String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
                if (v == null) throw new IllegalArgumentException("missing value for " + flag);
                apply(b, flag, v);
            }
        } catch (IllegalArgumentException e) {
            err.println("looker-sim: " + e.getMessage());
            err.println("Try --help.");
            return 2;
        }
        return serve(b.build(), out, err);
    }

    private static void apply(LookerSim.Builder b, String flag, String v) {
        try {
            switch (flag) {
                case "--port" -> b.port(Integer.parseInt(v));
                case "--client-id" -> b.clientId(v);
                case "--client-secret" -> b.clientSecret(v);
                case "--scale" -> b.scale(Integer.parseInt(v));
                case "--seed" -> b.seed(Long.parseLong(v));
                case "--latency-ms" -> b.latencyMs(Integer.parseInt(v));
                case "--per-item-latency-us" -> b.perItemLatencyMicros(Integer.parseInt(v));
                case "--max-concurrent" -> b.maxConcurrent(Integer.parseInt(v));
                case "--rate-limit-per-second" -> b.rateLimitPerSecond(Double.parseDouble(v));
                case "--fault-rate" -> b.faultRate(Double.parseDouble(v));
                case "--token-ttl" -> b.tokenTtlSeconds(Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number for " + flag + ": " + v);
        }
    }

    private static int serve(LookerSim sim, PrintStream out, PrintStream err) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "looker-sim-shutdown");
        try {
            sim.start();
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Looker API simulator listening on " + sim.baseUrl() + " (API " + sim.baseUrl() + "/api/4.0)");
            out.println("LOOKERSDK_BASE_URL=" + sim.baseUrl());
            out.println("LOOKERSDK_CLIENT_ID=" + sim.clientId());
            out.println("LOOKERSDK_CLIENT_SECRET=" + sim.clientSecret());
            out.println("scale=" + sim.config().scale() + " seed=" + sim.config().seed() + "; Ctrl-C to stop");
            out.flush();
            stop.await();
            return 0;
        } catch (java.io.IOException e) {
            err.println("looker-sim: cannot start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // JVM already shutting down
            }
            return 0;
        }
    }
}
