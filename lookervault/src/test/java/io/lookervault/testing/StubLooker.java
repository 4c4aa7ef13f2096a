package io.lookervault.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A scripted HTTP stub on 127.0.0.1 for the answers the simulator cannot give (HTML from a proxy,
 * bodies cut short). Replies are queued per "METHOD /path" (path after /api/4.0); login succeeds by default.
 */
public final class StubLooker implements AutoCloseable {
    /** What to send back. {@code declaredLength} &gt; body length drops the connection mid-body. */
    public record Reply(int status, String contentType, String body, long declaredLength, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, -1, Map.of());
        }

        public static Reply html(int status, String body) {
            return new Reply(status, "text/html", body, -1, Map.of());
        }

        public static Reply cutShort(String body, long declaredLength) {
            return new Reply(200, "application/json", body, declaredLength, Map.of());
        }

        /** Sends the headers and the start of the body, then neither sends more nor closes. */
        public static Reply stalled(String start) {
            return new Reply(200, "application/json", start, STALL, Map.of());
        }
    }

    /** One request as received. */
    public record Seen(String method, String path, String query, String authorization, String appId,
                       String contentType, String body) {}

    private static final long STALL = Long.MAX_VALUE;
    private final HttpServer server;
    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.function.Function<Seen, Reply>> routes = new ConcurrentHashMap<>();

    private final boolean tls;

    public StubLooker() throws IOException {
        this(false);
    }

    /** With {@code tls}, serves HTTPS with the self-signed certificate in stub-tls.p12 (test resources). */
    public StubLooker(boolean tls) throws IOException {
        this(tls ? "/stub-tls.p12" : null);
    }

    /** HTTPS with the certificate in the given PKCS#12 test resource (password changeit), or HTTP when null. */
    public StubLooker(String p12Resource) throws IOException {
        this.tls = p12Resource != null;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(p12Resource)));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.createContext("/", this::handle);
        // a thread per exchange, so that a stalled answer does not hold up the next request
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-looker");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Writes the certificate of a PKCS#12 test resource as PEM (for ca_file tests). */
    public static void writePem(String p12Resource, java.nio.file.Path to) throws IOException {
        try (InputStream in = StubLooker.class.getResourceAsStream(p12Resource)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            byte[] der = ks.getCertificate(ks.aliases().nextElement()).getEncoded();
            java.nio.file.Files.writeString(to, "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the stub's test certificate", e);
        }
    }

    private static SSLContext selfSigned(String p12Resource) throws IOException {
        try (InputStream in = StubLooker.class.getResourceAsStream(p12Resource)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the stub's test certificate", e);
        }
    }

    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * A client of this stub on fake time: {@code maxRetries} retries, a 5 s timeout, a rate limit too high to
     * notice; {@code settings} adjusts the connection settings (e.g. a response size cap).
     */
    public io.lookervault.looker.LookerClient client(io.lookervault.resilience.FakeTime time, int maxRetries,
            java.util.function.UnaryOperator<io.lookervault.config.LookerSettings> settings) {
        var base = io.lookervault.config.LookerSettings.of(baseUrl(), "id", io.lookervault.config.Secret.of("secret"),
                true, java.time.Duration.ofSeconds(5));
        return io.lookervault.looker.LookerClient.create(settings.apply(base),
                io.lookervault.config.ResilienceSettings.defaults().withMaxRetries(maxRetries).withRates(10_000, 0),
                time, time);
    }

    /** {@link #client(io.lookervault.resilience.FakeTime, int, java.util.function.UnaryOperator)} with default settings. */
    public io.lookervault.looker.LookerClient client(io.lookervault.resilience.FakeTime time, int maxRetries) {
        return client(time, maxRetries, s -> s);
    }

    public synchronized StubLooker on(String methodAndPath, Reply... replies) {
        script.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** Answers every "METHOD /path" request by {@code answer} (it sees the query and headers); beats {@link #on}. */
    public StubLooker route(String methodAndPath, java.util.function.Function<Seen, Reply> answer) {
        routes.put(methodAndPath, answer);
        return this;
    }

    /** The query parameter {@code name} of a request, or null. */
    public static String param(Seen s, String name) {
        if (s.query() == null) {
            return null;
        }
        for (String kv : s.query().split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals(name)) {
                return p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().replaceFirst("^/api/4\\.0", "");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("x-looker-appid"),
                ex.getRequestHeaders().getFirst("Content-Type"), body);
        seen.add(request);
        var route = routes.get(ex.getRequestMethod() + " " + path);
        Reply r = route != null ? route.apply(request) : next(ex.getRequestMethod() + " " + path);
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (r.declaredLength() == STALL) {
            ex.sendResponseHeaders(r.status(), 0);
            ex.getResponseBody().write(bytes);
            ex.getResponseBody().flush();
            stall();
            return;
        }
        if (r.declaredLength() > bytes.length) {
            // chunked, then the handler dies: the server drops the connection with the body half sent
            ex.sendResponseHeaders(r.status(), 0);
            ex.getResponseBody().write(bytes);
            ex.getResponseBody().flush();
            throw new IllegalStateException("body cut short on purpose");
        }
        ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Holds the connection open until the stub closes (the server's stop interrupts nothing, so poll). */
    private void stall() {
        while (!closed) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private volatile boolean closed;

    private synchronized Reply next(String key) {
        Deque<Reply> q = script.get(key);
        if (q != null && !q.isEmpty()) {
            return q.size() == 1 ? q.peek() : q.poll();
        }
        if (key.equals("POST /login")) {
            return Reply.json(200, "{\"access_token\":\"stub-token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        }
        if (key.equals("DELETE /logout")) {
            return new Reply(204, "text/plain", "", -1, Map.of());
        }
        return Reply.json(404, "{\"message\":\"Not found\",\"documentation_url\":\"https://x\"}");
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
    }
}
