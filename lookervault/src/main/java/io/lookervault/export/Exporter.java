package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.inspect.FolderPaths;
import io.lookervault.vault.Hashes;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code export}: writes the items of one run as a tree of files ({@link TreeLayout}), one canonical file per
 * object ({@link Canonical}), and the manifest. Documents stream from the vault one at a time, so memory does
 * not grow with the instance. A file whose bytes are already there is not rewritten. The old file of an object
 * that moved (renamed, or moved to another folder) is always removed, so a tree never holds one object twice;
 * with {@code clean}, files of objects no longer exported are removed too. Not thread-safe.
 */
public final class Exporter {
    /** Types kept in folders: what {@code --folder-ids} exports. */
    static final List<String> FOLDER_TYPES = List.of("folders", "dashboards", "looks", "scheduled_plans", "alerts");
    /** Fields that name an object filed by name, first non-blank wins (as {@link TreeLayout#title}). */
    private static final List<String> NAME_FIELDS = List.of("title", "name", "custom_title", "label",
            "display_name", "email", "field.title");

    /** @param types empty: every type (with folder ids: the folder types) */
    public record Options(List<String> types, List<String> folderIds, boolean recursive, TreeFormat format,
                          boolean clean) {
        public Options {
            types = List.copyOf(types);
            folderIds = List.copyOf(folderIds);
        }
    }

    /** What an export did. */
    public record Result(Manifest manifest, int written, int unchanged, int removed) {}

    private final VaultReader reader;
    private final List<String> allTypes;

    /** {@code allTypes}: the catalogue's type keys, in plan order. */
    public Exporter(VaultReader reader, List<String> allTypes) {
        this.reader = reader;
        this.allTypes = List.copyOf(allTypes);
    }

    public Result export(RunRecord run, Path dir, Options o, String tool) {
        List<String> types = o.types().isEmpty() ? (o.folderIds().isEmpty() ? allTypes : FOLDER_TYPES) : o.types();
        TreeLayout.Facts facts = facts(run.runId(), types);
        TreeLayout layout = new TreeLayout(facts, o.format());
        Scope scope = o.folderIds().isEmpty() ? null
                : new Scope(facts, new FolderPaths(facts.folders()).scope(o.folderIds(), o.recursive()));
        try {
            Files.createDirectories(dir);
            Manifest old = TreeFiles.manifestOrNull(dir);
            Writer w = new Writer(dir, layout, o.format(), scope, reusableHashes(old, run, types, o.format(), tool));
            try (Parallel p = new Parallel(Runtime.getRuntime().availableProcessors())) {
                for (String type : types) {
                    reader.forEachDocument(type, run.runId(), (id, json) -> p.submit(() -> w.write(type, id, json)));
                }
            }
            Manifest m = new Manifest(run.baseUrl(), run.runId(), run.startedAt(), tool, o.format(), types,
                    o.folderIds(), o.recursive(), new ArrayList<>(w.files.values()));
            int removed = TreeFiles.removeStale(dir, m, old, o.clean());
            Files.write(dir.resolve(Manifest.FILE), TreeFormat.JSON.write(m.toJson()));
            return new Result(m, w.written.get(), m.files().size() - w.written.get(), removed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The old manifest's entries whose SHA-256 still holds, by path: a file's bytes follow from its object's
     * document, the format and the tool, so an entry holds when the old manifest was written by this tool in
     * this format from a run of this vault, and the object's document has not changed since that run. Hashing
     * is a third of an export's CPU (the launcher's C1 compiler has no SHA intrinsic); this leaves an unchanged
     * export only comparing bytes. An edited file, or an object edited and imported, is hashed again.
     */
    private Map<String, Manifest.Entry> reusableHashes(Manifest old, RunRecord run, List<String> types,
                                                       TreeFormat format, String tool) {
        Map<String, Manifest.Entry> out = new HashMap<>();
        if (old == null || old.format() != format || !old.tool().equals(tool)
                || !old.sourceUrl().equals(run.baseUrl()) || !reader.run(old.run())
                .filter(r -> r.baseUrl().equals(old.sourceUrl()) && r.startedAt().equals(old.runStartedAt()))
                .isPresent()) {
            return out;
        }
        for (String type : types) {
            Set<String> same = reader.sameVersionAsOf(type, run.runId(), old.run());
            old.files().stream().filter(e -> e.type().equals(type) && same.contains(e.id()))
                    .forEach(e -> out.put(e.path(), e));
        }
        return out;
    }

    private TreeLayout.Facts facts(long run, List<String> types) {
        Map<String, String> content = new HashMap<>();
        Map<String, String[]> dashboards = new HashMap<>();
        reader.fieldsAsOf("dashboards", run, List.of("folder_id", "slug", "title")).forEach((id, v) -> {
            content.put("dashboards/" + id, v[0]);
            dashboards.put(id, new String[] {v[1], v[2]});
        });
        reader.fieldsAsOf("looks", run, List.of("folder_id")).forEach((id, v) -> content.put("looks/" + id, v[0]));
        Map<String, Map<String, String>> names = new HashMap<>();
        for (String t : types) {
            if (!TreeLayout.PREFIX.containsKey(t) || t.equals("scheduled_plans") || t.equals("alerts")) {
                List<String> fields = t.equals("users") ? List.of("email") : NAME_FIELDS;
                Map<String, String> byId = new HashMap<>();
                reader.fieldsAsOf(t, run, fields).forEach((id, v) -> byId.put(id, Arrays.stream(v)
                        .filter(x -> x != null && !x.isBlank()).findFirst().orElse(null)));
                names.put(t, byId);
            }
        }
        names.remove("folders");
        return new TreeLayout.Facts(reader.fieldsAsOf("folders", run, List.of("name", "parent_id")), content,
                reader.elementDashboards(run), names, dashboards);
    }

    /** The canonical form ({@link Canonical}) of a document as the vault stores it. */
    static JsonNode canonical(String json) {
        return canonical(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonNode canonical(byte[] json) {
        try {
            return Canonical.ofStored(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document is not valid JSON ('lookervault verify' checks the"
                    + " vault): " + e.getMessage(), e);
        }
    }

    /** Writes object files, keeping only the manifest entries. Thread-safe: files are written in parallel. */
    private static final class Writer {
        private final Path dir;
        private final TreeLayout layout;
        private final TreeFormat format;
        private final Scope scope;
        /** Read-only: see {@link Exporter#reusableHashes}. */
        private final Map<String, Manifest.Entry> reusable;
        private final Map<String, Manifest.Entry> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final Map<String, String> folded = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

        Writer(Path dir, TreeLayout layout, TreeFormat format, Scope scope, Map<String, Manifest.Entry> reusable) {
            this.reusable = reusable;
            this.dir = dir;
            this.layout = layout;
            this.format = format;
            this.scope = scope;
        }

        void write(String type, String id, byte[] json) {
            JsonNode doc = canonical(json);
            if (scope != null && !scope.keeps(type, id, doc)) {
                return;
            }
            String path = layout.path(type, id, doc);
            String clash = folded.putIfAbsent(SafeNames.foldKey(path), type + " " + id);
            if (clash != null) {
                throw new IllegalStateException("two objects map to the file " + path + ": " + clash + " and "
                        + type + " " + id);
            }
            byte[] bytes = format.write(doc);
            try {
                Path f = dir.resolve(path);
                boolean there = Files.isRegularFile(f) && Files.size(f) == bytes.length
                        && Arrays.equals(Files.readAllBytes(f), bytes);
                // the old hash is taken only for bytes that are there and equal: a guard against a changed
                // canonical form under an unchanged version number
                Manifest.Entry prior = there ? reusable.get(path) : null;
                String sha = prior != null && prior.type().equals(type) && prior.id().equals(id) ? prior.sha256()
                        : Hashes.sha256(bytes);
                files.put(path, new Manifest.Entry(path, type, id, sha));
                if (there) {
                    return;
                }
                Files.createDirectories(f.getParent());
                Files.write(f, bytes);
                written.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(path) + ": " + e.getMessage(), e);
            }
        }
    }

    /** A folder-scoped export: the folders in scope and the content they hold, with its schedules and alerts. */
    private record Scope(TreeLayout.Facts facts, Set<String> folders) {
        boolean keeps(String type, String id, JsonNode doc) {
            return switch (type) {
                case "folders" -> folders.contains(id);
                case "dashboards", "looks" -> folders.contains(facts.contentFolder().get(type + "/" + id));
                case "scheduled_plans" -> content("dashboards", TreeLayout.text(doc, "dashboard_id"))
                        || content("looks", TreeLayout.text(doc, "look_id"));
                case "alerts" -> content("dashboards",
                        facts.elementDashboard().get(TreeLayout.text(doc, "dashboard_element_id")));
                default -> true;
            };
        }

        private boolean content(String type, String id) {
            return id != null && folders.contains(facts.contentFolder().get(type + "/" + id));
        }
    }
}
