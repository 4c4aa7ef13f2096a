package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTP client for the simulator's API, for tests: logs in with the simulator's generated credentials and
 * sends requests with {@code Authorization: token ...}. It knows nothing of the spec; {@link CheckedApi} adds that.
 * Thread-safe after {@link #login()} (the token is set once).
 */
public final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private volatile String token;

    public ApiClient(String baseUrl, String clientId, String clientSecret) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** One HTTP answer. {@code json} is null when the body is empty or not JSON. */
    public record Answer(String method, String url, int status, HttpResponse<String> raw, String body, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiUrl(String pathAndQuery) {
        return baseUrl + "/api/4.0" + pathAndQuery;
    }

    public Answer login() {
        Answer a = loginWith(clientId, clientSecret);
        if (a.status() != 200 || a.json() == null) {
            throw new AssertionError("login failed with " + a.status() + ": " + a.body());
        }
        token = a.json().path("access_token").asText();
        return a;
    }

    public Answer loginWith(String id, String secret) {
        String form = "client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(apiUrl("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send("POST", req);
    }

    public String token() {
        return token;
    }

    /** Sends {@code body} (a JsonNode, a String of JSON, or null) to {@code /api/4.0 + pathAndQuery}. */
    public Answer send(String method, String pathAndQuery, Object body) {
        return sendUrl(method, apiUrl(pathAndQuery), body, token == null ? null : "token " + token);
    }

    public Answer sendUrl(String method, String url, Object body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : body.toString()));
        }
        return send(method, b.build());
    }

    private Answer send(String method, HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(method, req.uri().toString(), r.statusCode(), r, r.body(), parse(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + req.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
