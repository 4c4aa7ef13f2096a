package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Write bodies with only the properties the official spec lets a client write (readOnly marks and the
 * SDK's all-read-only-$ref rule), from the bundled {@code writable-fields.json} that
 * {@code WritableFieldsSpecTest} derives from the spec. The bodies NOTES §5 lists as made entirely of
 * read-only properties (content access, group memberships, attribute group values) are not built here.
 * Thread-safe: immutable after loading.
 */
final class WriteFields {
    private static final WriteFields INSTANCE = load();
    private final JsonNode schemas;

    private WriteFields(JsonNode schemas) {
        this.schemas = schemas;
    }

    static WriteFields get() {
        return INSTANCE;
    }

    private static WriteFields load() {
        try (InputStream in = WriteFields.class.getResourceAsStream("writable-fields.json")) {
            return new WriteFields(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("writable-fields.json missing from the jar", e);
        }
    }

    boolean writable(String schema, String property) {
        return schemas.path(schema).has(property);
    }

    /** A copy of {@code doc} with only the writable properties of {@code schema}, nested objects included. */
    ObjectNode body(String schema, JsonNode doc) {
        JsonNode props = schemas.get(schema);
        if (props == null) {
            throw new IllegalArgumentException("no write schema " + schema);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode nested = props.get(e.getKey());
            if (nested == null) {
                continue;
            }
            out.set(e.getKey(), nested.isNull() ? e.getValue().deepCopy() : strip(nested.asText(), e.getValue()));
        }
        return out;
    }

    private JsonNode strip(String schema, JsonNode value) {
        if (value.isObject()) {
            return body(schema, value);
        }
        if (value.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> a.add(strip(schema, v)));
            return a;
        }
        return value.deepCopy();
    }
}
