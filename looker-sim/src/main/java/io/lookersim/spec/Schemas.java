package io.lookersim.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.json.JsonNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official Looker 4.0 spec subset, bundled verbatim, read once. Response shapes follow it so that every
 * object carries every property of its schema, in spec order, as Looker does. Immutable after load: thread-safe.
 */
public final class Schemas {
    /** One property of a schema: JSON type, the $ref'd schema (for objects or array items), flags. */
    public record Prop(String name, String type, String ref, boolean array, boolean nullable, boolean readOnly,
                       boolean writeOnly, List<String> enumValues) {}

    /** One schema: properties in spec order and the required ones. */
    public record Schema(String name, List<Prop> props, Map<String, Prop> byName, Set<String> required) {}

    /** One operation of the spec: method, path template under /api/4.0, id, success schema. */
    public record Op(String method, String path, String operationId, String responseSchema, boolean responseArray) {}

    private static final Schemas INSTANCE = load();
    private final Map<String, Schema> schemas;
    private final List<Op> ops;
    /** operationId → the statuses its responses declare. */
    private final Map<String, Set<String>> statuses;

    private Schemas(Map<String, Schema> schemas, List<Op> ops, Map<String, Set<String>> statuses) {
        this.schemas = schemas;
        this.ops = ops;
        this.statuses = statuses;
    }

    /** Whether the spec declares this status for the operation (e.g. 403, which many admin reads lack). */
    public boolean declares(String operationId, int status) {
        Set<String> s = statuses.get(operationId);
        return s != null && s.contains(Integer.toString(status));
    }

    public static Schemas get() { return INSTANCE; }

    public Schema schema(String name) {
        Schema s = schemas.get(name);
        if (s == null) throw new IllegalArgumentException("no schema " + name);
        return s;
    }

    public List<Op> ops() { return ops; }

    private static Schemas load() {
        try (InputStream in = Schemas.class.getResourceAsStream("Looker.4.0.backup-subset.oas.json")) {
            JsonNode root = JsonNodes.MAPPER.readTree(in);
            Map<String, Schema> map = new HashMap<>();
            root.path("components").path("schemas").fields().forEachRemaining(e -> map.put(e.getKey(), schema(e.getKey(), e.getValue())));
            List<Op> ops = new ArrayList<>();
            Map<String, Set<String>> statuses = new HashMap<>();
            root.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
                ops.add(op(p.getKey(), m.getKey(), m.getValue()));
                Set<String> codes = new HashSet<>();
                m.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                statuses.put(m.getValue().path("operationId").asText(), Set.copyOf(codes));
            }));
            return new Schemas(Map.copyOf(map), List.copyOf(ops), Map.copyOf(statuses));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Op op(String path, String method, JsonNode op) {
        JsonNode ok = op.path("responses").has("200") ? op.path("responses").path("200") : op.path("responses").path("201");
        JsonNode schema = ok.path("content").path("application/json").path("schema");
        boolean array = "array".equals(schema.path("type").asText());
        String ref = refName(array ? schema.path("items") : schema);
        return new Op(method.toUpperCase(), path, op.path("operationId").asText(), ref, array);
    }

    private static Schema schema(String name, JsonNode s) {
        List<Prop> props = new ArrayList<>();
        Map<String, Prop> by = new LinkedHashMap<>();
        s.path("properties").fields().forEachRemaining(e -> {
            JsonNode d = e.getValue();
            boolean array = "array".equals(d.path("type").asText());
            JsonNode target = array ? d.path("items") : d;
            String ref = refName(target);
            String type = ref != null ? "object" : target.path("type").asText("any");
            Prop p = new Prop(e.getKey(), type, ref, array, d.path("nullable").asBoolean(true),
                    d.path("readOnly").asBoolean(false), d.path("x-looker-write-only").asBoolean(false), enums(target));
            props.add(p);
            by.put(p.name(), p);
        });
        Set<String> req = new HashSet<>();
        s.path("required").forEach(r -> req.add(r.asText()));
        return new Schema(name, List.copyOf(props), by, Set.copyOf(req));
    }

    private static List<String> enums(JsonNode n) {
        if (!n.path("enum").isArray()) return null;
        List<String> out = new ArrayList<>();
        n.path("enum").forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    private static String refName(JsonNode n) {
        String ref = n.path("$ref").asText(null);
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
