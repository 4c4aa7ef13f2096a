package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** Reads the options a run stored (types, folder scope, include_deleted), tolerating damage. Thread-safe. */
final class RunOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunOptions() {}

    static JsonNode parse(String json) {
        try {
            return json == null ? MissingNode.getInstance() : JSON.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
