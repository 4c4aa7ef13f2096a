package io.lookervault.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an exported tree back, edited or not, and checks every file before anything is written: valid JSON or
 * YAML, an object, an id that is a string and unique within its type, the well-known fields of the right kind,
 * every field the spec types of its kind at any depth ({@link TreeSchemas}), no secrets. The first problem is
 * thrown as a {@link TreeException} naming the file, line, column and field.
 * Not thread-safe.
 */
public final class TreeReader {
    /** Fields whose kind is checked wherever they appear at the top of a document. */
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("title", "string"),
            Map.entry("name", "string"), Map.entry("description", "string"), Map.entry("email", "string"),
            Map.entry("folder_id", "string"), Map.entry("parent_id", "string"), Map.entry("dashboard_id", "string"),
            Map.entry("look_id", "string"), Map.entry("user_id", "string"), Map.entry("query_id", "string"),
            Map.entry("dashboard_elements", "array"), Map.entry("dashboard_filters", "array"),
            Map.entry("dashboard_layouts", "array"), Map.entry("group_ids", "array"), Map.entry("role_ids", "array"),
            Map.entry("scheduled_plan_destination", "array"), Map.entry("query", "object"),
            Map.entry("_lookervault", "object"), Map.entry("deleted", "boolean"), Map.entry("hidden", "boolean"));

    private final Set<String> knownTypes;

    public TreeReader(Set<String> knownTypes) {
        this.knownTypes = Set.copyOf(knownTypes);
    }

    /**
     * The tree at {@code dir}: its manifest and where its object files are, with their types. The files
     * themselves are read one at a time by {@link #load}.
     */
    public Tree scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TreeException(dir + " is not a directory (give the folder 'lookervault export' wrote)");
        }
        Manifest manifest = manifest(dir);
        List<Tree.Entry> entries = new ArrayList<>();
        try {
            for (String rel : TreeFiles.objectFiles(dir)) {
                String type = typeOf(rel, manifest.format());
                if (type != null) {
                    entries.add(new Tree.Entry(rel, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new Tree(dir, manifest, entries);
    }

    private String typeOf(String rel, TreeFormat format) {
        String type;
        try {
            type = TreeLayout.typeOf(rel, format).orElse(null);
        } catch (IllegalArgumentException e) {
            throw TreeException.at(rel, 0, 0, e.getMessage());
        }
        if (type != null && !knownTypes.contains(type)) {
            throw TreeException.at(rel, 0, 0, "unknown type '" + type + "' (admin/<type>/ is one of: "
                    + String.join(", ", new java.util.TreeSet<>(knownTypes)) + ")");
        }
        return type;
    }

    private static Manifest manifest(Path dir) {
        Path f = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(f)) {
            throw new TreeException(dir + " has no " + Manifest.FILE + ": not a tree written by 'lookervault export'");
        }
        try {
            return Manifest.fromJson(TreeFormat.JSON.read(Files.readAllBytes(f)));
        } catch (JsonProcessingException e) {
            throw syntax(Manifest.FILE, e);
        } catch (IllegalArgumentException e) {
            throw TreeException.at(Manifest.FILE, 0, 0, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks one object file of {@code tree}. */
    public TreeFile load(Tree tree, Tree.Entry entry) {
        try {
            return file(tree.dir(), entry.path(), entry.type(), tree.manifest().format());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tree.dir().resolve(entry.path()) + ": " + e.getMessage(), e);
        }
    }

    private static TreeFile file(Path dir, String rel, String type, TreeFormat format) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(rel));
        JsonNode doc;
        try {
            doc = format.read(bytes);
        } catch (JsonProcessingException e) {
            throw syntax(rel, e);
        }
        if (doc == null || !doc.isObject()) {
            throw TreeException.at(rel, 1, 1, "expected one object ({...}), found "
                    + (doc == null ? "nothing" : doc.getNodeType().name().toLowerCase()));
        }
        check(rel, format, bytes, doc);
        TreeSchemas.Mismatch m = TreeSchemas.get().firstMismatch(type, doc);
        if (m != null) {
            long[] at = locate(format, bytes, m.at());
            throw TreeException.at(rel, at[0], at[1], "field '" + m.field() + "' must be " + article(m.want()) + " "
                    + m.want() + ", not " + article(m.found()) + " " + m.found() + " (as the Looker API spec types it)");
        }
        String idField = type.equals("lookml_models") ? "name" : "id";
        JsonNode id = doc.get(idField);
        if (id == null || id.isNull()) {
            if (idField.equals("name")) {
                throw TreeException.at(rel, 1, 1, "field 'name' is missing: a LookML model is known by its name");
            }
            String newId = NewObjects.id(rel);
            NewObjects.ownParts(type, newId, doc);
            return new TreeFile(rel, type, newId, true, doc);
        }
        return new TreeFile(rel, type, id.asText(), false, doc);
    }

    private static void check(String rel, TreeFormat format, byte[] bytes, JsonNode doc) {
        for (var it = doc.fields(); it.hasNext(); ) {
            var e = it.next();
            String kind = e.getKey().equals("id") ? "string" : KINDS.get(e.getKey());
            if (kind != null && !e.getValue().isNull() && !kindOf(e.getValue()).equals(kind)) {
                long[] at = locate(format, bytes, e.getKey(), true);
                throw TreeException.at(rel, at[0], at[1], "field '" + e.getKey() + "' must be " + article(kind)
                        + " " + kind + ", not " + article(kindOf(e.getValue())) + " " + kindOf(e.getValue()));
            }
        }
        String secret = Canonical.secretIn(doc);
        if (secret != null) {
            long[] at = locate(format, bytes, secret, false);
            throw TreeException.at(rel, at[0], at[1], "field '" + secret + "' holds a secret, which a tree must"
                    + " never carry: remove it");
        }
    }

    private static String kindOf(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isObject() ? "object" : "null";
    }

    private static String article(String kind) {
        return kind.startsWith("a") || kind.startsWith("o") ? "an" : "a";
    }

    /** Line and column of the value at {@code pointer} (a field, at any depth); {0, 0} if not found. */
    static long[] locate(TreeFormat format, byte[] bytes, com.fasterxml.jackson.core.JsonPointer pointer) {
        try (JsonParser p = format.mapper().getFactory().createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext();
                // a field's value starts after its name; an array's item where it is (an object or array item
                // has entered its own context already: its place is its parent's)
                boolean field = t == JsonToken.FIELD_NAME && pointer.equals(c.pathAsPointer());
                c = t.isStructStart() ? c.getParent() : c;
                boolean item = !field && !t.isStructEnd() && c.inArray() && pointer.equals(c.pathAsPointer());
                if (field || item) {
                    if (field) {
                        p.nextToken();
                    }
                    JsonLocation l = p.currentTokenLocation();
                    return new long[] {l.getLineNr(), l.getColumnNr()};
                }
            }
        } catch (IOException e) {
            // the file parsed once already; without a location the message still names file and field
        }
        return new long[] {0, 0};
    }

    /**
     * Line and column of the value of the first field named {@code field} (of the top object only, with
     * {@code top}); {0, 0} if not found.
     */
    static long[] locate(TreeFormat format, byte[] bytes, String field, boolean top) {
        try (JsonParser p = format.mapper().getFactory().createParser(bytes)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && field.equals(p.currentName()) && (!top || depth == 1)) {
                    p.nextToken();
                    JsonLocation l = p.currentTokenLocation();
                    return new long[] {l.getLineNr(), l.getColumnNr()};
                }
            }
        } catch (IOException e) {
            // the file parsed once already; without a location the message still names file and field
        }
        return new long[] {0, 0};
    }

    private static TreeException syntax(String rel, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return TreeException.at(rel, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                "not valid " + (rel.endsWith(".yaml") ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    }

    /** A tree as scanned: its folder, its manifest and where its object files are. */
    public record Tree(Path dir, Manifest manifest, List<Entry> entries) {
        public Tree {
            entries = List.copyOf(entries);
        }

        /** One object file: its path relative to the tree, with '/' separators, and the type its place says. */
        public record Entry(String path, String type) {}
    }
}
