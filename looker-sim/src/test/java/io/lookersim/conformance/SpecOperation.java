package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One operation of the spec: its id, method, path template under /api/4.0, and for each declared status the
 * OAS schema of its {@code application/json} body (a missing value means the status declares no JSON body).
 */
public record SpecOperation(String operationId, String method, String pathTemplate, Map<String, JsonNode> jsonResponses,
        List<String> declaredStatuses) {

    public SpecOperation {
        jsonResponses = Map.copyOf(jsonResponses);
        declaredStatuses = List.copyOf(declaredStatuses);
    }

    /** Literal path segments, the tie-breaker when several templates match ({@code /dashboards/search} wins). */
    int literalSegments() {
        int n = 0;
        for (String s : pathTemplate.split("/")) {
            if (!s.isEmpty() && !s.startsWith("{")) {
                n++;
            }
        }
        return n;
    }

    boolean matches(String method, String[] segments) {
        if (!this.method.equalsIgnoreCase(method)) {
            return false;
        }
        String[] template = pathTemplate.substring(1).split("/");
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean param = template[i].startsWith("{");
            if (!param && !template[i].equals(segments[i]) || param && segments[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + pathTemplate + ")";
    }
}
