package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code diff}'s reported changes (JSON path, old, new) to a document, independently of the diff code, so
 * a test can prove the changes are exact: old + changes = new. Handles changed values and added/removed object
 * keys; array insertions are out of scope (it fails loudly).
 */
final class JsonPatcher {
    private static final Pattern SEGMENT = Pattern.compile(
            "\\.([A-Za-z_][A-Za-z0-9_]*)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]|\\[\\?\\(@\\.id=='((?:[^'\\\\]|\\\\.)*)'\\)\\]");

    private JsonPatcher() {}

    static JsonNode apply(JsonNode doc, JsonNode changes) {
        JsonNode out = doc.deepCopy();
        for (JsonNode c : changes) {
            List<String[]> path = parse(c.path("path").asText());
            JsonNode parent = out;
            for (int i = 0; i < path.size() - 1; i++) {
                parent = child(parent, path.get(i));
            }
            String[] last = path.get(path.size() - 1);
            if (!"key".equals(last[0])) {
                throw new UnsupportedOperationException("array element change " + c);
            }
            if (c.path("change").asText().equals("removed")) {
                ((ObjectNode) parent).remove(last[1]);
            } else {
                ((ObjectNode) parent).set(last[1], c.get("new"));
            }
        }
        return out;
    }

    private static JsonNode child(JsonNode node, String[] seg) {
        switch (seg[0]) {
            case "key":
                return node.get(seg[1]);
            case "index":
                return node.get(Integer.parseInt(seg[1]));
            default:
                for (JsonNode e : (ArrayNode) node) {
                    if (seg[1].equals(e.path("id").asText())) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("no element with id " + seg[1]);
        }
    }

    private static List<String[]> parse(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException(path);
        }
        List<String[]> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("bad path " + path + " at " + at);
            }
            if (m.group(1) != null) {
                out.add(new String[] {"key", m.group(1)});
            } else if (m.group(2) != null) {
                out.add(new String[] {"key", m.group(2).replace("\\'", "'")});
            } else if (m.group(3) != null) {
                out.add(new String[] {"index", m.group(3)});
            } else {
                out.add(new String[] {"id", m.group(4).replace("\\'", "'")});
            }
            at = m.end();
        }
        return out;
    }
}
