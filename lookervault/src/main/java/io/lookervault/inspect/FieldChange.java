package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.Redaction;

/**
 * One field-level difference between two versions of a document.
 *
 * @param path     JSONPath of the field, e.g. {@code $.dashboard_elements[?(@.id=='7')].title}
 * @param kind     added, removed or changed
 * @param oldValue the value before (null when added)
 * @param newValue the value after (null when removed)
 */
public record FieldChange(String path, Kind kind, JsonNode oldValue, JsonNode newValue) {
    public FieldChange {
        // a webhook's token is part of its address: a diff shows that it changed, never the token
        oldValue = masked(path, oldValue);
        newValue = masked(path, newValue);
    }

    private static JsonNode masked(String path, JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual() && (path.endsWith(".address") || path.endsWith("['address']"))) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(Redaction.maskUrl(v.asText()));
        }
        return Redaction.mask(v);
    }

    /** What happened to the field. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** The top-level field the change is in, e.g. {@code dashboard_elements}; {@code $} for the whole document. */
    public String topField() {
        if (path.length() <= 1) {
            return "$";
        }
        String rest = path.startsWith("$.") ? path.substring(2) : path.substring(1);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        if (rest.startsWith("['")) {
            int close = rest.indexOf("']");
            return rest.substring(2, close);
        }
        return rest.substring(0, end);
    }
}
