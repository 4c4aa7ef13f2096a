package io.lookersim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one shared, thread-safe ObjectMapper: building mappers per request would cap throughput. */
public final class JsonNodes {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonNodes() {}

    public static ObjectNode obj() { return F.objectNode(); }

    public static ArrayNode arr() { return F.arrayNode(); }

    public static byte[] bytes(JsonNode n) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] b) throws IOException {
        return MAPPER.readTree(b);
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
