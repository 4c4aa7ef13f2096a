package io.lookersim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A handler's answer: status, JSON body (null for 204) and extra headers (Link, X-Total-Count). */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers, int items) {
    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of(), body != null && body.isArray() ? body.size() : 1);
    }

    /** A text/plain answer (e.g. a git deploy key), sent as the bare text. */
    public static ApiResponse text(String text) {
        return new ApiResponse(200, com.fasterxml.jackson.databind.node.TextNode.valueOf(text), Map.of("Content-Type", TEXT), 1);
    }

    public static final String TEXT = "text/plain";


    public static ApiResponse noContent() { return new ApiResponse(204, null, Map.of(), 0); }

    public ApiResponse withHeaders(Map<String, String> h) {
        Map<String, String> m = new LinkedHashMap<>(headers);
        m.putAll(h);
        return new ApiResponse(status, body, m, items);
    }
}
