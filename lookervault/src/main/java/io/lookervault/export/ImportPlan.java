package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.inspect.FieldChange;
import io.lookervault.inspect.JsonDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;


/**
 * What a tree changes against the vault's latest run: per object added, changed (with the top-level fields) or
 * unchanged, and the objects of a type the tree holds whole that have no file. {@code import} writes it,
 * {@code diff --dir} shows it. An object whose file equals the vault's document in canonical form
 * ({@link Canonical}) is unchanged and keeps the vault's document byte for byte, so its history gains nothing.
 * Immutable.
 *
 * @param baseRun the vault run compared with, or 0 for an empty vault
 */
public record ImportPlan(Manifest manifest, long baseRun, List<Item> items, List<Gone> gone) {
    public ImportPlan {
        items = List.copyOf(items);
        gone = List.copyOf(gone);
    }

    /** What happens to one object file. */
    public enum Action { ADDED, CHANGED, UNCHANGED }

    /** One object file and what importing it does. */
    public record Item(String type, String id, String path, Action action, String title, List<String> fields) {
        public Item {
            fields = List.copyOf(fields);
        }
    }

    /** An object of a type the tree holds whole that has no file: deleted by the import. */
    public record Gone(String type, String id, String title) {}

    /** The vault state a tree is compared with: the documents of one run. */
    public interface Baseline {
        /** The run compared with, 0 for an empty vault. */
        long run();

        Optional<String> json(String type, String id);

        Set<String> ids(String type);
    }

    /**
     * Reads every file of {@code tree} once, in order, compares it with {@code base} and hands it with what the
     * vault should store for it to {@code each}; the first bad file stops the walk with a {@link TreeException}.
     */
    public static ImportPlan walk(TreeReader reader, TreeReader.Tree tree, Baseline base,
                                  java.util.function.BiConsumer<Item, String> each) {
        List<Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (TreeReader.Tree.Entry e : tree.entries()) {
            TreeFile f = reader.load(tree, e);
            String other = seen.put(f.type() + "/" + f.id(), f.path());
            if (other != null) {
                throw TreeException.at(f.path(), 0, 0, "holds " + f.type() + " " + f.id() + ", as " + other
                        + " does: each object must be in one file only (remove one of them)");
            }
            JsonNode doc = Canonical.of(f.doc());
            String title = TreeLayout.title(f.type(), doc);
            String stored = base.json(f.type(), f.id()).orElse(null);
            Item item;
            String json;
            if (stored == null) {
                item = new Item(f.type(), f.id(), f.path(), Action.ADDED, title, List.of());
                json = compact(doc);
            } else {
                JsonNode old = Canonical.of(Exporter.parse(stored));
                if (old.equals(doc)) {
                    item = new Item(f.type(), f.id(), f.path(), Action.UNCHANGED, title, List.of());
                    json = stored;
                } else {
                    Set<String> fields = new LinkedHashSet<>();
                    JsonDiff.diff(old, doc).forEach((FieldChange c) -> fields.add(c.topField()));
                    item = new Item(f.type(), f.id(), f.path(), Action.CHANGED, title, new ArrayList<>(fields));
                    json = compact(doc);
                }
            }
            items.add(item);
            each.accept(item, json);
        }
        return new ImportPlan(tree.manifest(), base.run(), items, gone(tree.manifest(), base, seen.keySet(), items));
    }

    private static List<Gone> gone(Manifest m, Baseline base, Set<String> present, List<Item> items) {
        List<Gone> gone = new ArrayList<>();
        for (String type : new TreeSet<>(types(m, items))) {
            if (!m.whole(type)) {
                continue;
            }
            for (String id : base.ids(type)) {
                if (!present.contains(type + "/" + id)) {
                    gone.add(new Gone(type, id, base.json(type, id).map(j -> TreeLayout.title(type, Exporter.parse(j)))
                            .orElse(null)));
                }
            }
        }
        gone.sort(java.util.Comparator.comparing(Gone::type).thenComparing(Gone::id));
        return gone;
    }

    /** The types a tree covers: its manifest's and any other a file holds. */
    static List<String> types(Manifest m, List<Item> items) {
        Set<String> out = new LinkedHashSet<>(m.types());
        items.forEach(i -> out.add(i.type()));
        return new ArrayList<>(out);
    }

    public List<String> types() {
        return types(manifest, items);
    }

    public long count(Action a) {
        return items.stream().filter(i -> i.action() == a).count();
    }

    static String compact(JsonNode doc) {
        try {
            return TreeFormat.COMPACT.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed document always serialises", e);
        }
    }

}
