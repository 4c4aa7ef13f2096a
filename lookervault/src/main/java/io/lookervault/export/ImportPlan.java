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
                                  java.util.function.BiConsumer<Item, Stored> each) {
        List<Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        NewDashboards fresh = new NewDashboards();
        // files are read, checked and put in canonical form by a few threads; they are compared and handed on
        // here, in tree order, on the caller's thread (the one that may hold the vault's transaction)
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<Prepared>> window = new java.util.ArrayDeque<>();
            for (TreeReader.Tree.Entry e : tree.entries()) {
                window.add(pool.submit(() -> Prepared.of(reader.load(tree, e))));
                if (window.size() >= threads * 4) {
                    fresh.pass(await(window.poll())).ifPresent(p -> handle(p, base, seen, items, each));
                }
            }
            while (!window.isEmpty()) {
                fresh.pass(await(window.poll())).ifPresent(p -> handle(p, base, seen, items, each));
            }
            fresh.withoutCopiedSlugs().forEach(p -> handle(p, base, seen, items, each));
        } finally {
            pool.shutdownNow();
        }
        return new ImportPlan(tree.manifest(), base.run(), items, gone(tree.manifest(), base, seen.keySet(), items));
    }

    /**
     * What the vault stores for one object: its compact UTF-8 document and that document's SHA-256 (null: to be
     * computed by the vault).
     */
    public record Stored(byte[] json, String sha256) {}

    /**
     * A file read and put in canonical form, ready to compare, with the document the vault would store for it
     * already hashed: this runs on the reader threads, the vault's writer thread only compares and stores.
     */
    private record Prepared(TreeFile file, JsonNode doc, String title, Stored stored) {
        static Prepared of(TreeFile f) {
            JsonNode doc = Canonical.inPlace(f.doc());
            return new Prepared(new TreeFile(f.path(), f.type(), f.id(), f.isNew(), null), doc,
                    TreeLayout.title(f.type(), doc), ImportPlan.stored(doc));
        }
    }

    /**
     * New dashboards wait until every other dashboard has passed: one whose slug another dashboard of the tree
     * holds (a copy of it) loses the slug, as restore matches dashboards by slug (see {@link NewObjects}).
     */
    private static final class NewDashboards {
        private final Set<String> slugs = new java.util.HashSet<>();
        private final List<Prepared> waiting = new ArrayList<>();

        /** The file to handle now, or empty when it is a new dashboard that waits. */
        Optional<Prepared> pass(Prepared p) {
            if (!p.file().type().equals("dashboards")) {
                return Optional.of(p);
            }
            if (p.file().isNew()) {
                waiting.add(p);
                return Optional.empty();
            }
            String slug = TreeLayout.text(p.doc(), "slug");
            if (slug != null) {
                slugs.add(slug);
            }
            return Optional.of(p);
        }

        List<Prepared> withoutCopiedSlugs() {
            List<Prepared> out = new ArrayList<>();
            for (Prepared p : waiting) {
                String slug = TreeLayout.text(p.doc(), "slug");
                if (slug != null && !slugs.add(slug)) {
                    com.fasterxml.jackson.databind.node.ObjectNode doc = p.doc().deepCopy();
                    doc.remove("slug");
                    p = new Prepared(p.file(), doc, p.title(), stored(doc));
                }
                out.add(p);
            }
            return out;
        }
    }

    private static Prepared await(java.util.concurrent.Future<Prepared> f) {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the tree", e);
        }
    }

    private static void handle(Prepared p, Baseline base, Map<String, String> seen, List<Item> items,
                               java.util.function.BiConsumer<Item, Stored> each) {
        TreeFile f = p.file();
        String other = seen.put(f.type() + "/" + f.id(), f.path());
        if (other != null) {
            throw TreeException.at(f.path(), 0, 0, "holds " + f.type() + " " + f.id() + ", as " + other
                    + " does: each object must be in one file only (remove one of them)");
        }
        String stored = base.json(f.type(), f.id()).orElse(null);
        Item item;
        Stored json = p.stored();
        if (stored == null) {
            item = new Item(f.type(), f.id(), f.path(), Action.ADDED, p.title(), List.of());
        } else {
            JsonNode old = Exporter.canonical(stored);
            if (old.equals(p.doc())) {
                item = new Item(f.type(), f.id(), f.path(), Action.UNCHANGED, p.title(), List.of());
                json = new Stored(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
            } else {
                Set<String> fields = new LinkedHashSet<>();
                JsonDiff.diff(old, p.doc()).forEach((FieldChange c) -> fields.add(c.topField()));
                item = new Item(f.type(), f.id(), f.path(), Action.CHANGED, p.title(), new ArrayList<>(fields));
            }
        }
        items.add(item);
        each.accept(item, json);
    }

    private static List<Gone> gone(Manifest m, Baseline base, Set<String> present, List<Item> items) {
        List<Gone> gone = new ArrayList<>();
        for (String type : new TreeSet<>(types(m, items))) {
            if (!m.whole(type)) {
                continue;
            }
            for (String id : base.ids(type)) {
                if (!present.contains(type + "/" + id)) {
                    gone.add(new Gone(type, id, base.json(type, id).map(j -> TreeLayout.title(type, Exporter.canonical(j)))
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

    static Stored stored(JsonNode doc) {
        try {
            byte[] json = TreeFormat.compact(doc);
            return new Stored(json, io.lookervault.vault.Hashes.sha256(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parsed document always serialises", e);
        }
    }

}
