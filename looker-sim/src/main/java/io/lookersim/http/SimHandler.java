package io.lookersim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.fault.FaultPlan;
import io.lookersim.fault.FaultRule;
import io.lookersim.json.JsonNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The /api/4.0 front door: routing, rate limit, capacity, faults, auth, dispatch, latency, logging. Stateless apart
 * from the thread-safe collaborators it holds: thread-safe.
 */
public final class SimHandler implements HttpHandler {
    public static final String PREFIX = "/api/4.0";
    private final Router router;
    private final Api api;
    private final Tokens tokens;
    private final Capacity capacity;
    private final FaultPlan faults;
    private final Stats stats;
    private final int latencyMs;
    private final int perItemMicros;

    public SimHandler(Router router, Api api, Tokens tokens, Capacity capacity, FaultPlan faults, Stats stats,
                      int latencyMs, int perItemMicros) {
        this.router = router;
        this.api = api;
        this.tokens = tokens;
        this.capacity = capacity;
        this.faults = faults;
        this.stats = stats;
        this.latencyMs = latencyMs;
        this.perItemMicros = perItemMicros;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod().toUpperCase();
        String raw = ex.getRequestURI().getRawPath();
        String path = raw.startsWith(PREFIX + "/") ? raw.substring(PREFIX.length()) : null;
        Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
        Router.Match m = path == null ? new Router.Match(null, Map.of(), false, null) : router.match(method, path);
        String op = m.op() == null ? "unknown" : m.op().operationId();
        // The log entry is written just before the answer leaves (see send), so a client that reads the log after
        // its answer always finds its request. An exception escaping the handler makes the JDK server drop the
        // connection: that is how resets and truncated bodies reach the client; they are logged with status 0.
        Call call = new Call();
        call.log = status -> stats.record(method, raw, op, m.params(), query, status, (System.nanoTime() - t0) / 1000);
        CALL.set(call);
        try {
            serve(ex, method, path, query, m, op);
        } catch (IOException | RuntimeException e) {
            log(ex, 0);
            throw e;
        } finally {
            CALL.remove();
        }
    }

    /** Per-request state. HttpExchange attributes are shared by the whole context, so they cannot hold it. */
    private static final class Call {
        byte[] body = new byte[0];
        long slotStart;
        boolean slotHeld;
        java.util.function.IntConsumer log;
        boolean logged;
    }

    /** Each exchange is served start to end on one executor thread. */
    private static final ThreadLocal<Call> CALL = new ThreadLocal<>();

    private static void log(HttpExchange ex, int status) {
        Call c = CALL.get();
        if (c == null || c.logged) return;
        c.logged = true;
        c.log.accept(status);
    }

    private int serve(HttpExchange ex, String method, String path, Map<String, String> query, Router.Match m, String op)
            throws IOException {
        CALL.get().body = ex.getRequestBody().readAllBytes();
        if (m.op() == null) {
            int st = m.pathExists() ? 405 : 404;
            String p = st == 405 ? m.template() : path; // documentation_url names the spec's path template
            return send(ex, errorBody(st, st == 405 ? "Method Not Allowed" : "Not found", method, p, null), st, Map.of(), null);
        }
        int retry = capacity.tryRate();
        if (retry >= 0) return send(ex, errorBody(429, "Too Many Requests", method, m.op().path(), null), 429,
                Map.of("Retry-After", Integer.toString(retry)), null);
        try {
            capacity.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        CALL.get().slotStart = System.nanoTime();
        CALL.get().slotHeld = true;
        try {
            return inSlot(ex, method, path, query, m);
        } finally {
            release();
        }
    }

    /** Frees the capacity slot once the service time is over; the answer is then written outside the slot. */
    private void release() {
        Call c = CALL.get();
        if (c.slotHeld) {
            c.slotHeld = false;
            capacity.leave();
        }
    }

    /** Sleeps until the service time, counted from entering the slot, is over (dispatch work is part of it). */
    private void serviceTime(long micros) {
        sleepUntil(CALL.get().slotStart + micros * 1000);
        release();
    }

    private int inSlot(HttpExchange ex, String method, String path, Map<String, String> query, Router.Match m) throws IOException {
        FaultRule fault = faults.decide(m.op().operationId(), m.params());
        if (fault != null && fault.action() == FaultRule.Action.RESET) {
            throw new IOException("fault: reset");
        }
        if (fault != null && fault.action() == FaultRule.Action.STATUS) {
            Map<String, String> h = fault.retryAfter() >= 0 ? Map.of("Retry-After", Integer.toString(fault.retryAfter())) : Map.of();
            serviceTime(latencyMs * 1000L);
            return send(ex, errorBody(fault.status(), reason(fault.status()), method, m.op().path(), null), fault.status(), h, null);
        }
        ApiResponse r = dispatch(ex, method, path, query, m);
        serviceTime(latencyMs * 1000L + (long) perItemMicros * r.items()
                + (fault != null && fault.action() == FaultRule.Action.SLOW ? fault.delayMs() * 1000L : 0));
        return send(ex, r.body(), r.status(), r.headers(), fault);
    }

    private ApiResponse dispatch(HttpExchange ex, String method, String path, Map<String, String> query, Router.Match m) {
        String opId = m.op().operationId();
        try {
            String user = null;
            if (!opId.equals("login") && !opId.equals("versions")) {
                user = tokens.userOf(ex.getRequestHeaders().getFirst("Authorization"));
                if (user == null) throw new ApiError(401, "Requires authentication.", null);
            }
            byte[] body = CALL.get().body;
            ApiRequest req = new ApiRequest(method, path, opId, m.params(), query, parseBody(ex, opId), body,
                    absoluteUrl(ex), user);
            if (opId.equals("logout")) tokens.revoke(ex.getRequestHeaders().getFirst("Authorization"));
            Function<ApiRequest, ApiResponse> h = api.handler(opId);
            if (h == null) throw new ApiError(404, "Not found", null);
            return h.apply(req);
        } catch (ApiError e) {
            JsonNode b = errorBody(e.status(), e.getMessage(), method, m.op().path(), e.errors());
            return new ApiResponse(e.status(), b, Map.of(), 0);
        }
    }

    private JsonNode parseBody(HttpExchange ex, String opId) {
        byte[] b = CALL.get().body;
        if (b == null || b.length == 0) return null;
        if (opId.equals("login")) return null;
        try {
            return JsonNodes.parse(b);
        } catch (IOException e) {
            throw ApiError.badRequest("Could not parse JSON body");
        }
    }

    private static String absoluteUrl(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) host = "127.0.0.1:" + ex.getLocalAddress().getPort();
        return "http://" + host + ex.getRequestURI().toString();
    }

    /** Looker's Error body; documentation_url names status, method and the operation's path. */
    public static ObjectNode errorBody(int status, String message, String method, String path, com.fasterxml.jackson.databind.node.ArrayNode errors) {
        String p = path == null ? "" : path.replaceAll("\\{([^}]+)}", ":$1");
        String doc = "https://cloud.google.com/looker/docs/r/err/4.0/" + status + "/" + method.toLowerCase() + p;
        ObjectNode n = JsonNodes.obj().put("message", message);
        if (errors != null) {
            errors.forEach(e -> ((ObjectNode) e).put("documentation_url", doc));
            n.set("errors", errors);
        }
        n.put("documentation_url", doc);
        return n;
    }

    private static String reason(int s) {
        return switch (s) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 404 -> "Not found";
            default -> "Error " + s;
        };
    }

    private int send(HttpExchange ex, JsonNode body, int status, Map<String, String> headers, FaultRule fault) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        boolean truncate = fault != null && fault.action() == FaultRule.Action.TRUNCATE;
        log(ex, truncate ? 0 : status);
        if (status == 204 || body == null) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return status;
        }
        boolean text = io.lookersim.api.ApiResponse.TEXT.equals(headers.get("Content-Type")) && body.isTextual();
        byte[] bytes = text ? body.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8) : JsonNodes.bytes(body);
        ex.getResponseHeaders().set("Content-Type", text ? "text/plain; charset=utf-8" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        OutputStream os = ex.getResponseBody();
        if (truncate) {
            os.write(bytes, 0, bytes.length / 2);
            os.flush();
            throw new IOException("fault: truncated body"); // not closed: the server drops the connection
        }
        os.write(bytes);
        os.close();
        return status;
    }

    /**
     * Waits until {@code until} (System.nanoTime). Not Thread.sleep(ms, ns): on Java 17 it rounds any nanoseconds up
     * to a whole millisecond, so a 20 ms service time that began with 0.3 ms of dispatch lasted 21 ms, and the
     * simulator served 4% less than its stated capacity (BENCHMARKS.md, session 8).
     */
    private static void sleepUntil(long until) {
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int i = pair.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }
}
