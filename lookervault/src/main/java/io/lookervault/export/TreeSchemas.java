package io.lookervault.export;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The kind (string, number, boolean, array, object) of every property of the objects a tree holds, at any
 * depth, as the official spec types them: from the bundled {@code tree-kinds.json}, which
 * {@code TreeKindsSpecTest} derives from {@code spec/looker-api/Looker.4.0.oas.json}. A property the spec
 * leaves untyped ({@code any}), or that it does not know (LookerVault's own {@code _lookervault}), is not
 * checked; null is always allowed (Looker answers null for most unset fields). Immutable, thread-safe.
 */
public final class TreeSchemas {
    /** The spec schema of each type's documents (the shape its GET answers). */
    public static final Map<String, String> ROOTS = Map.ofEntries(Map.entry("dashboards", "Dashboard"),
            Map.entry("looks", "LookWithQuery"), Map.entry("folders", "Folder"), Map.entry("users", "User"),
            Map.entry("groups", "Group"), Map.entry("roles", "Role"), Map.entry("permission_sets", "PermissionSet"),
            Map.entry("model_sets", "ModelSet"), Map.entry("user_attributes", "UserAttribute"),
            Map.entry("lookml_models", "LookmlModel"), Map.entry("boards", "Board"),
            Map.entry("scheduled_plans", "ScheduledPlan"), Map.entry("alerts", "Alert"));
    static final String RESOURCE = "tree-kinds.json";
    private static final TreeSchemas INSTANCE = load();
    /** schema → property → "kind" or "kind:NestedSchema" (arrays: the schema of their items). */
    private final JsonNode schemas;

    private TreeSchemas(JsonNode schemas) {
        this.schemas = schemas;
    }

    public static TreeSchemas get() {
        return INSTANCE;
    }

    private static TreeSchemas load() {
        try (InputStream in = TreeSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the jar");
            }
            return new TreeSchemas(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " unreadable", e);
        }
    }

    /** A value of the wrong kind: where (a JSON pointer, and as a person writes it), what is wanted and found. */
    public record Mismatch(JsonPointer at, String field, String want, String found) {}

    /** The first value of {@code doc} whose kind the spec contradicts, depth first, or null. */
    public Mismatch firstMismatch(String type, JsonNode doc) {
        String root = ROOTS.get(type);
        // the path is kept as segments and spelled out only for a mismatch: an import checks every value of
        // every file, and building a pointer per value cost a quarter of its CPU
        List<Object> path = new ArrayList<>();
        String[] found = root == null ? null : object(root, doc, path);
        if (found == null) {
            return null;
        }
        JsonPointer at = JsonPointer.empty();
        StringBuilder field = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                at = at.appendIndex(i);
                field.append('[').append(i).append(']');
            } else {
                at = at.appendProperty((String) segment);
                field.append(field.length() == 0 ? "" : ".").append(segment);
            }
        }
        return new Mismatch(at, field.toString(), found[0], found[1]);
    }

    /** {wanted, found} for the first mismatch, with {@code path} left at it; else null, {@code path} as it was. */
    private String[] object(String schema, JsonNode doc, List<Object> path) {
        JsonNode props = schemas.path(schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode spec = props.get(e.getKey());
            if (spec != null && !e.getValue().isNull()) {
                path.add(e.getKey());
                String[] m = value(spec.asText(), e.getValue(), path);
                if (m != null) {
                    return m;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private String[] value(String spec, JsonNode v, List<Object> path) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        if (!kind.equals(kindOf(v))) {
            return new String[] {kind, kindOf(v)};
        }
        if (colon < 0) {
            return null;
        }
        String nested = spec.substring(colon + 1);
        if (v.isObject()) {
            return object(nested, v, path);
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isNull()) {
                continue;
            }
            path.add(i);
            String[] m = item.isObject() ? object(nested, item, path) : new String[] {"object", kindOf(item)};
            if (m != null) {
                return m;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    static String kindOf(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isObject() ? "object" : "null";
    }
}
