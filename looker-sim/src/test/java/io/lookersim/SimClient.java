package io.lookersim;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.json.JsonNodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP client for the simulator's own tests (real HTTP, no SDK). Not thread-safe. */
final class SimClient {
    record Resp(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JsonNodes.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) { return raw.headers().firstValue(name).orElse(null); }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    String token;

    SimClient(LookerSim sim) { this.base = sim.baseUrl(); }

    static SimClient loggedIn(LookerSim sim) {
        SimClient c = new SimClient(sim);
        Resp r = c.form("/api/4.0/login", "client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret());
        if (r.status() != 200) throw new AssertionError("login failed: " + r.body());
        c.token = r.json().get("access_token").asText();
        return c;
    }

    Resp form(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Resp get(String path) { return send(auth(path).GET()); }

    Resp delete(String path) { return send(auth(path).DELETE()); }

    Resp post(String path, String json) { return send(auth(path).header("Content-Type", "application/json").POST(pub(json))); }

    Resp patch(String path, String json) { return send(auth(path).header("Content-Type", "application/json").method("PATCH", pub(json))); }

    Resp put(String path, String json) { return send(auth(path).header("Content-Type", "application/json").PUT(pub(json))); }

    private static HttpRequest.BodyPublisher pub(String json) { return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8); }

    private HttpRequest.Builder auth(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/api") || path.startsWith("/__sim") ? path : "/api/4.0" + path)));
        if (token != null) b.header("Authorization", "token " + token);
        return b;
    }

    Resp send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Resp(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
