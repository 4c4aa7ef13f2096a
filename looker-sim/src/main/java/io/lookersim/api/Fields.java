package io.lookersim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The `fields` request parameter: `a,b(c,d),e(*)`, spaces allowed. Immutable: thread-safe. */
public final class Fields {
    private final Map<String, Fields> children; // null value = whole property
    private final boolean all;

    private Fields(Map<String, Fields> children, boolean all) {
        this.children = children;
        this.all = all;
    }

    /** Null when the parameter is absent or empty (no trimming). */
    public static Fields parse(String spec) {
        if (spec == null || spec.isBlank()) return null;
        int[] pos = {0};
        return group(spec, pos);
    }

    private static Fields group(String s, int[] pos) {
        Map<String, Fields> m = new LinkedHashMap<>();
        boolean all = false;
        StringBuilder name = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '(') {
                m.put(name.toString().trim(), group(s, pos));
                name.setLength(0);
            } else if (c == ')') {
                break;
            } else if (c == ',') {
                all |= put(m, name);
            } else {
                name.append(c);
            }
        }
        all |= put(m, name);
        return new Fields(m, all);
    }

    private static boolean put(Map<String, Fields> m, StringBuilder name) {
        String n = name.toString().trim();
        name.setLength(0);
        if (n.equals("*")) return true;
        if (!n.isEmpty()) m.putIfAbsent(n, null);
        return false;
    }

    /** False when the request trims away all of the named properties (so they need not be rendered). */
    public static boolean wants(Fields f, String... names) {
        if (f == null || f.all) return true;
        for (String n : names) if (f.children.containsKey(n)) return true;
        return false;
    }

    public JsonNode apply(JsonNode n) {
        if (n == null) return null;
        if (n.isArray()) {
            ArrayNode a = JsonNodes.arr();
            n.forEach(e -> a.add(apply(e)));
            return a;
        }
        if (!n.isObject() || all) return n;
        ObjectNode out = JsonNodes.obj();
        n.fields().forEachRemaining(e -> {
            if (!children.containsKey(e.getKey())) return;
            Fields sub = children.get(e.getKey());
            out.set(e.getKey(), sub == null ? e.getValue() : sub.apply(e.getValue()));
        });
        return out;
    }
}
