package io.lookervault.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives a table from the spec's schemas: schema → (property → value), for some root schemas and every schema
 * they nest, each visited once, properties in name order. The tests that hold a bundled table to the spec
 * (writable fields, the export tree's kinds) each say what a property becomes.
 */
public final class SchemaWalk {
    private SchemaWalk() {}

    /** What one property becomes: its value in the table, and the schema to walk into (null for none). */
    public record Entry(JsonNode value, String nested) {}

    /** The entry for {@code property} of {@code schema} (its spec {@code p}); null leaves the property out. */
    @FunctionalInterface
    public interface Rule {
        Entry of(String schema, String property, JsonNode p);
    }

    public static ObjectNode derive(JsonNode schemas, Collection<String> roots, Rule rule) {
        Map<String, ObjectNode> out = new TreeMap<>();
        roots.forEach(r -> visit(schemas, r, rule, out));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        out.forEach(root::set);
        return root;
    }

    private static void visit(JsonNode schemas, String name, Rule rule, Map<String, ObjectNode> out) {
        if (out.containsKey(name)) {
            return;
        }
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        out.put(name, props);
        Map<String, JsonNode> sorted = new TreeMap<>();
        schemas.path(name).path("properties").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((prop, p) -> {
            Entry e = rule.of(name, prop, p);
            if (e != null) {
                props.set(prop, e.value());
                if (e.nested() != null) {
                    visit(schemas, e.nested(), rule, out);
                }
            }
        });
    }
}
