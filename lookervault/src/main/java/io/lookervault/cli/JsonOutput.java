package io.lookervault.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** The JSON printer commands share for {@code --output json}: one pretty document per command. */
public final class JsonOutput {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Prints any Jackson-serialisable value (records, maps, JsonNode) as one document. */
    public static void print(PrintStream out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }
}
