package io.lookersim.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the operations of an OAS 3.0 document (raw JSON) into {@link SpecOperation}s. Stateless. */
final class SpecIndex {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private SpecIndex() {}

    static List<SpecOperation> operations(JsonNode spec) {
        List<SpecOperation> ops = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.add(operation(path.getKey(), m.getKey(), m.getValue()));
            }
        }));
        return List.copyOf(ops);
    }

    private static SpecOperation operation(String path, String method, JsonNode op) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        List<String> statuses = new ArrayList<>();
        op.path("responses").fields().forEachRemaining(r -> {
            statuses.add(r.getKey());
            JsonNode schema = r.getValue().path("content").path("application/json").get("schema");
            if (schema != null) {
                json.put(r.getKey(), schema);
            }
        });
        return new SpecOperation(op.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path, json, statuses);
    }
}
