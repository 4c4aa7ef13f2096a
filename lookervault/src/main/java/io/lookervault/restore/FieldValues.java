package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lookervault.looker.Redaction;
import java.util.Iterator;
import java.util.Map;

/**
 * A field's value as a dry run shows it: compact JSON, every secret key as {@code (set)}, every URL with a path or
 * query masked (a webhook's token is its path), long values cut. Pure.
 */
final class FieldValues {
    private static final int MAX = 80;

    private FieldValues() {}

    static String show(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "(none)";
        }
        String text = masked(value.deepCopy()).toString();
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }

    private static JsonNode masked(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(Redaction.maskUrl(n.asText()));
        }
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(SecretNeeds.SECRET_KEYS.contains(e.getKey()) && !e.getValue().isNull()
                        ? TextNode.valueOf("(set)") : masked(e.getValue()));
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) n).set(i, masked(n.get(i)));
            }
        }
        return n;
    }
}
