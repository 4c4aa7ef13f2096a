package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field-level difference of two JSON documents, as JSONPath, old and new value. Arrays of objects that all carry
 * a distinct {@code id} are matched by id (Looker reorders and inserts dashboard elements, filters and layout
 * components: matching by position would report every later element as changed); other arrays by position.
 * Stateless and thread-safe.
 */
public final class JsonDiff {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonDiff() {}

    /** The changes that turn {@code before} into {@code after}; either may be null (item absent). */
    public static List<FieldChange> diff(JsonNode before, JsonNode after) {
        List<FieldChange> out = new ArrayList<>();
        walk("$", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
        if (a == null && b == null) {
            return;
        }
        if (a == null) {
            out.add(new FieldChange(path, FieldChange.Kind.ADDED, null, b));
        } else if (b == null) {
            out.add(new FieldChange(path, FieldChange.Kind.REMOVED, a, null));
        } else if (a.isObject() && b.isObject()) {
            objects(path, a, b, out);
        } else if (a.isArray() && b.isArray()) {
            arrays(path, a, b, out);
        } else if (!a.equals(b)) {
            out.add(new FieldChange(path, FieldChange.Kind.CHANGED, a, b));
        }
    }

    private static void objects(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            walk(path + key(k), a.get(k), b.get(k), out);
        }
    }

    private static void arrays(String path, JsonNode a, JsonNode b, List<FieldChange> out) {
        Map<String, JsonNode> byIdA = byId(a);
        Map<String, JsonNode> byIdB = byId(b);
        if (byIdA != null && byIdB != null) {
            Set<String> ids = new java.util.LinkedHashSet<>(byIdA.keySet());
            ids.addAll(byIdB.keySet());
            for (String id : ids) {
                walk(path + "[?(@.id=='" + id.replace("'", "\\'") + "')]", byIdA.get(id), byIdB.get(id), out);
            }
            return;
        }
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            walk(path + "[" + i + "]", a.get(i), b.get(i), out);
        }
    }

    /** id → element when every element is an object with a distinct non-null id; else null. */
    private static Map<String, JsonNode> byId(JsonNode array) {
        if (array.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            JsonNode id = e.get("id");
            if (!e.isObject() || id == null || id.isNull() || !seen.add(id.asText())) {
                return null;
            }
            out.put(id.asText(), e);
        }
        return out;
    }

    private static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() ? "." + k : "['" + k.replace("'", "\\'") + "']";
    }
}
