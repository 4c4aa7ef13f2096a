package io.lookersim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.lookersim.fault.FaultPlan;
import io.lookersim.http.Capacity;
import io.lookersim.http.RequestLogEntry;
import io.lookersim.http.Router;
import io.lookersim.http.SimHandler;
import io.lookersim.http.Stats;
import io.lookersim.http.Tokens;
import io.lookersim.json.JsonNodes;
import io.lookersim.ops.Operations;
import io.lookersim.spec.Schemas;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Looker API 4.0 simulator on 127.0.0.1: {@code LookerSim.builder().scale(300).seed(7).build().start()}.
 * Thread-safe once started; close() stops it.
 */
public final class LookerSim implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer waits ~40 ms for a delayed ACK.
        // ServerConfig reads this once, so it must be set before the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final SimConfig cfg;
    private final Store store;
    private final Stats stats;
    private final Capacity capacity;
    private final FaultPlan faults;
    private HttpServer server;
    private ExecutorService executor;
    private Mutator mutator;

    private LookerSim(SimConfig cfg) {
        this.cfg = cfg;
        this.store = new Store(cfg.seed(), cfg.scale());
        this.stats = new Stats(cfg.requestLogLimit());
        this.capacity = new Capacity(cfg.maxConcurrent(), cfg.rateLimitPerSecond(), System::nanoTime);
        this.faults = new FaultPlan(cfg.faultRate(), cfg.seed());
    }

    public static Builder builder() { return new Builder(); }

    public LookerSim start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), cfg.port()), 512);
        Tokens tokens = new Tokens(cfg.clock(), cfg.tokenTtlSeconds());
        Operations.Wired ops = Operations.wire(store, tokens, cfg.clientId(), cfg.clientSecret(), baseUrl());
        mutator = new Mutator(store, ops);
        server.createContext("/", new SimHandler(new Router(Schemas.get().ops()), ops.api(), tokens, capacity, faults, stats,
                cfg.latencyMs(), cfg.perItemLatencyMicros()));
        server.createContext("/__sim/", new AdminHandler(this));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "looker-sim");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return this;
    }

    public String baseUrl() { return "http://127.0.0.1:" + (server == null ? cfg.port() : server.getAddress().getPort()); }

    public String clientId() { return cfg.clientId(); }

    public String clientSecret() { return cfg.clientSecret(); }

    public SimConfig config() { return cfg; }

    public FaultPlan faults() { return faults; }

    public JsonNode stats() {
        ObjectNode items = JsonNodes.obj();
        for (String t : new String[]{"dashboards", "looks", "folders", "users", "groups", "roles", "permission_sets", "model_sets",
                "user_attributes", "boards", "scheduled_plans", "alerts"}) {
            ItemTable tb = store.table(t);
            long created = tb.overlay().tailMap(tb.baseMax(), false).size();
            items.put(t, tb.baseMax() - tb.removedIds().size() + created);
        }
        items.put("lookml_models", store.lookmlModels.size());
        return stats.json(capacity.peak(), capacity.inFlight(), items);
    }

    /** Changes how many requests are served at once, at run time (benchmarks of a Looker whose load changes). */
    public void maxConcurrent(int n) { capacity.maxConcurrent(n); }

    public int maxConcurrent() { return capacity.maxConcurrent(); }

    /** Requests answered so far; cheap enough to poll every millisecond (benchmarks measure rates with it). */
    public long requestsServed() { return stats.total(); }

    /** Requests in service now (holding a slot under --max-concurrent); cheap enough to poll every millisecond. */
    public int inService() { return capacity.inFlight(); }

    /** Requests waiting for a slot under --max-concurrent: how far the client's in-flight exceeds capacity. */
    public int waiting() { return capacity.waiting(); }

    public List<RequestLogEntry> requestLog() { return stats.log(0); }

    public List<RequestLogEntry> requestLog(long sinceSeq) { return stats.log(sinceSeq); }

    /** Test hook: every write-only value (secret) sent to this simulator, in order; the API never answers them. */
    public List<io.lookersim.store.SecretsReceived.Entry> secretsReceived() { return store.secretsReceived.all(); }

    /** Changes content like an admin between runs: action edit|add|trash|delete on count items; returns their ids. */
    public List<String> mutate(String type, String action, int count) { return mutator.mutate(type, action, count, null); }

    public List<String> mutate(String type, String action, List<String> ids) { return mutator.mutate(type, action, 0, ids); }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Options of a simulator; unset capacity limits and faults are off. Not thread-safe (build then share). */
    public static final class Builder {
        private int port, scale = 100, latencyMs, perItemMicros, maxConcurrent, tokenTtl = 3600, logLimit = 200_000;
        private String clientId, clientSecret;
        private long seed = 1;
        private double rate, faultRate;
        private Clock clock = Clock.systemUTC();

        public Builder port(int v) { port = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder clientSecret(String v) { clientSecret = v; return this; }
        public Builder scale(int v) { scale = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder latencyMs(int v) { latencyMs = v; return this; }
        public Builder perItemLatencyMicros(int v) { perItemMicros = v; return this; }
        public Builder maxConcurrent(int v) { maxConcurrent = v; return this; }
        public Builder rateLimitPerSecond(double v) { rate = v; return this; }
        public Builder faultRate(double v) { faultRate = v; return this; }
        public Builder tokenTtlSeconds(int v) { tokenTtl = v; return this; }
        /** Most recent requests kept in the log (0 = no log); older ones are dropped. */
        public Builder requestLogLimit(int v) { logLimit = v; return this; }
        /** Clock for token expiry (tests inject one instead of waiting). */
        public Builder clock(Clock v) { clock = v; return this; }

        public LookerSim build() {
            String id = clientId != null ? clientId : random(20);
            String secret = clientSecret != null ? clientSecret : random(24);
            return new LookerSim(new SimConfig(port, id, secret, scale, seed, latencyMs, perItemMicros, maxConcurrent, rate,
                    faultRate, tokenTtl, logLimit, clock));
        }

        private static String random(int n) {
            String a = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            SecureRandom r = new SecureRandom();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) b.append(a.charAt(r.nextInt(a.length())));
            return b.toString();
        }
    }
}
