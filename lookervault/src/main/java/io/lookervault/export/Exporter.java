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
            Writer w = new Writer(dir, layout, o.format(), scope);
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

    private TreeLayout.Facts facts(long run, List<String> types) {
        Map<String, String> content = new HashMap<>();
        for (String t : List.of("dashboards", "looks")) {
            reader.fieldsAsOf(t, run, List.of("folder_id")).forEach((id, v) -> content.put(t + "/" + id, v[0]));
        }
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
                reader.elementDashboards(run), names);
    }

    static JsonNode parse(String json) {
        try {
            return TreeFormat.COMPACT.readTree(json);
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
        private final Map<String, Manifest.Entry> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final Map<String, String> folded = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

        Writer(Path dir, TreeLayout layout, TreeFormat format, Scope scope) {
            this.dir = dir;
            this.layout = layout;
            this.format = format;
            this.scope = scope;
        }

        void write(String type, String id, String json) {
            JsonNode doc = Canonical.of(parse(json));
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
            files.put(path, new Manifest.Entry(path, type, id, Hashes.sha256(bytes)));
            try {
                Path f = dir.resolve(path);
                if (Files.isRegularFile(f) && Files.size(f) == bytes.length && Arrays.equals(Files.readAllBytes(f), bytes)) {
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
