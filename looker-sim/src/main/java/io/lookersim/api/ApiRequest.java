package io.lookersim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One parsed API call. Immutable apart from the JSON body tree, which handlers must only read. */
public record ApiRequest(String method, String path, String operationId, Map<String, String> pathParams,
                         Map<String, String> query, JsonNode body, byte[] rawBody, String absoluteUrl, String userId) {

    public String param(String name) { return pathParams.get(name); }

    public String q(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean qBool(String name) { return "true".equalsIgnoreCase(q(name)); }

    public Long qLong(String name) {
        String v = q(name);
        if (v == null) return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid value for " + name);
        }
    }

    public Fields fields() { return Fields.parse(query.get("fields")); }

    public static List<String> csv(String v) {
        if (v == null || v.isBlank()) return List.of();
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
