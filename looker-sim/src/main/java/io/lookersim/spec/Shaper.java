package io.lookersim.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns an internal item into its API representation: every property of the schema in spec order, values coerced to
 * the spec's JSON type, absent ones null (or the type's zero value where the spec says never null). Stateless.
 */
public final class Shaper {
    private Shaper() {}

    public static ObjectNode shape(String schemaName, JsonNode raw) {
        Schemas.Schema s = Schemas.get().schema(schemaName);
        ObjectNode out = JsonNodes.obj();
        for (Schemas.Prop p : s.props()) {
            if (p.writeOnly()) continue; // accepted on write, never returned
            JsonNode v = raw == null ? null : raw.get(p.name());
            out.set(p.name(), value(p, v));
        }
        return out;
    }

    public static ArrayNode shapeAll(String schemaName, Iterable<? extends JsonNode> items) {
        ArrayNode a = JsonNodes.arr();
        for (JsonNode n : items) a.add(shape(schemaName, n));
        return a;
    }

    private static JsonNode value(Schemas.Prop p, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return absent(p);
        if (p.array()) {
            if (!v.isArray()) return absent(p);
            ArrayNode a = JsonNodes.arr();
            for (JsonNode e : v) a.add(p.ref() != null ? shape(p.ref(), e) : scalar(p.type(), e));
            return a;
        }
        if (p.ref() != null) return v.isObject() ? shape(p.ref(), v) : absent(p);
        return scalar(p.type(), v);
    }

    /** Looker sends null for unset nested objects; only never-null scalars get a zero value. */
    private static JsonNode absent(Schemas.Prop p) {
        if (p.nullable() || p.ref() != null && !p.array()) return NullNode.instance;
        if (p.array()) return JsonNodes.arr();
        return switch (p.type()) {
            case "boolean" -> JsonNodes.F.booleanNode(false);
            case "integer", "number" -> JsonNodes.F.numberNode(0);
            case "object" -> JsonNodes.obj();
            case "string" -> JsonNodes.F.textNode(p.enumValues() == null ? "" : p.enumValues().get(0));
            default -> NullNode.instance;
        };
    }

    private static JsonNode scalar(String type, JsonNode v) {
        return switch (type) {
            case "string" -> v.isTextual() ? v : v.isValueNode() ? JsonNodes.F.textNode(v.asText()) : JsonNodes.F.textNode(v.toString());
            case "integer" -> v.isIntegralNumber() ? v : JsonNodes.F.numberNode(v.asLong());
            case "number" -> v.isNumber() ? v : JsonNodes.F.numberNode(v.asDouble());
            case "boolean" -> v.isBoolean() ? v : JsonNodes.F.booleanNode(v.asBoolean());
            default -> v;
        };
    }

    /** Copies into target the writable (non read-only) properties of body that the schema declares. */
    public static void mergeWritable(String schemaName, JsonNode body, ObjectNode target) {
        if (body == null || !body.isObject()) return;
        Map<String, Schemas.Prop> props = Schemas.get().schema(schemaName).byName();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Schemas.Prop p = props.get(e.getKey());
            if (p == null || p.readOnly()) continue;
            JsonNode v = e.getValue();
            if (p.enumValues() != null && !p.array() && v.isTextual() && !p.enumValues().contains(v.asText())) {
                throw io.lookersim.api.ApiError.validation(e.getKey(), "invalid", "Must be one of " + p.enumValues());
            }
            target.set(e.getKey(), v);
        }
    }
}
