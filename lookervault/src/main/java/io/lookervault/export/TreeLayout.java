package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each object of a run lives in an exported tree, and which type a file of a tree holds. Folders form
 * the tree a person browses ({@code folders/Shared/Sales/folder.json}); dashboards, looks and the schedules and
 * alerts of that content sit in their folder's directory, named {@code <kind>--<id>--<title>}, but a dashboard
 * with a slug {@code dashboard--<slug>--<title>} (ids are per instance, slugs survive a promotion, so a tree
 * promoted to another Looker and exported there keeps its names); users are {@code users/<email>}; the other
 * types {@code admin/<type>/<name>}. Names go through {@link SafeNames}; where two siblings would collide (also by
 * case), both get their id appended. Only names are derived from ids: import reads ids from the files' content.
 * Immutable after construction.
 */
public final class TreeLayout {
    static final String FOLDERS = "folders";
    static final String NO_FOLDER = "_no_folder";
    /** File name prefixes of the content kept in folders, by type. */
    static final Map<String, String> PREFIX = Map.of("dashboards", "dashboard", "looks", "look",
            "scheduled_plans", "schedule", "alerts", "alert");

    private final String ext;
    private final Map<String, String> folderDirs = new HashMap<>();
    private final Map<String, String> contentFolder;
    private final Map<String, String> elementDashboard;
    private final Map<String, Map<String, String>> namedFiles = new HashMap<>();
    /** Dashboards whose slug-or-id and title collide with a sibling's: their file names get {@code --<id>}. */
    private final Set<String> clashingDashboards = new HashSet<>();

    /**
     * Facts about a run, read from the vault without the documents themselves.
     *
     * @param folders          folder id → {name, parent_id}
     * @param contentFolder    "dashboards/ID" and "looks/ID" → folder id
     * @param elementDashboard dashboard element id → dashboard id
     * @param names            for types filed by name (users, admin types): id → name (email for users)
     * @param dashboards       dashboard id → {slug, title}, to find dashboards whose file names would collide
     */
    public record Facts(Map<String, String[]> folders, Map<String, String> contentFolder,
                        Map<String, String> elementDashboard, Map<String, Map<String, String>> names,
                        Map<String, String[]> dashboards) {
        public Facts(Map<String, String[]> folders, Map<String, String> contentFolder,
                     Map<String, String> elementDashboard, Map<String, Map<String, String>> names) {
            this(folders, contentFolder, elementDashboard, names, Map.of());
        }
    }

    public TreeLayout(Facts facts, TreeFormat format) {
        this.ext = "." + format.extension();
        this.contentFolder = Map.copyOf(facts.contentFolder());
        this.elementDashboard = Map.copyOf(facts.elementDashboard());
        folderDirs(facts.folders());
        facts.names().forEach((type, names) -> namedFiles.put(type, unique(new ArrayList<>(names.keySet()),
                names::get)));
        clashingDashboards(facts.dashboards());
    }

    /** The file of one object, relative to the tree's root, with '/' separators. */
    public String path(String type, String id, JsonNode doc) {
        if (type.equals("folders")) {
            return folderDir(id) + "/folder" + ext;
        }
        String prefix = PREFIX.get(type);
        if (prefix != null) {
            String dir = contentDir(type, doc);
            if (dir != null) {
                return dir + "/" + contentName(type, id, doc) + ext;
            }
        }
        String group = type.equals("users") ? "users" : "admin/" + type;
        return group + "/" + namedFiles.getOrDefault(type, Map.of()).getOrDefault(id, SafeNames.of(id)) + ext;
    }

    /** {@code <kind>--<slug-or-id>--<title>}, with {@code --<id>} where a sibling dashboard has the same name. */
    private String contentName(String type, String id, JsonNode doc) {
        String name = baseName(type, id, doc);
        return type.equals("dashboards") && clashingDashboards.contains(id) ? name + "--" + SafeNames.of(id) : name;
    }

    private static String baseName(String type, String id, JsonNode doc) {
        String key = type.equals("dashboards") && text(doc, "slug") != null && !text(doc, "slug").isBlank()
                ? text(doc, "slug") : id;
        return PREFIX.get(type) + "--" + SafeNames.of(key) + "--" + SafeNames.of(title(type, doc));
    }

    /** Dashboards are the one kind not named by id: find those whose names would collide in their folder. */
    private void clashingDashboards(Map<String, String[]> dashboards) {
        Map<String, List<String>> byName = new HashMap<>();
        dashboards.forEach((id, f) -> {
            var doc = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("slug", f[0]).put("title", f[1]);
            String key = folderDir(contentFolder.get("dashboards/" + id)) + "/" + baseName("dashboards", id, doc);
            byName.computeIfAbsent(SafeNames.foldKey(key), k -> new ArrayList<>()).add(id);
        });
        byName.values().stream().filter(ids -> ids.size() > 1).forEach(clashingDashboards::addAll);
    }

    /** Dashboards and looks: their folder; schedules and alerts: their content's folder; else null. */
    private String contentDir(String type, JsonNode doc) {
        return switch (type) {
            case "dashboards", "looks" -> folderDir(text(doc, "folder_id"));
            case "scheduled_plans" -> {
                String d = text(doc, "dashboard_id");
                String l = text(doc, "look_id");
                String key = d != null ? "dashboards/" + d : l != null ? "looks/" + l : null;
                yield key != null && contentFolder.containsKey(key) ? folderDir(contentFolder.get(key)) : null;
            }
            case "alerts" -> {
                String dash = elementDashboard.get(text(doc, "dashboard_element_id"));
                yield dash == null || !contentFolder.containsKey("dashboards/" + dash) ? null
                        : folderDir(contentFolder.get("dashboards/" + dash));
            }
            default -> null;
        };
    }

    private String folderDir(String folderId) {
        return folderId == null ? FOLDERS + "/" + NO_FOLDER
                : folderDirs.getOrDefault(folderId, FOLDERS + "/" + NO_FOLDER + "/" + SafeNames.of(folderId));
    }

    private void folderDirs(Map<String, String[]> folders) {
        Map<String, List<String>> children = new HashMap<>();
        folders.forEach((id, f) -> {
            String parent = f[1];
            children.computeIfAbsent(parent != null && folders.containsKey(parent) ? parent : "", k -> new ArrayList<>())
                    .add(id);
        });
        // walk down from the roots; a folder in a parent cycle is never reached and stays under _no_folder
        List<String[]> todo = new ArrayList<>();
        todo.add(new String[] {"", FOLDERS});
        Set<String> done = new HashSet<>();
        while (!todo.isEmpty()) {
            String[] next = todo.remove(todo.size() - 1);
            List<String> kids = children.getOrDefault(next[0], List.of());
            Map<String, String> names = unique(kids, id -> folders.get(id)[0]);
            for (String kid : kids) {
                if (done.add(kid)) {
                    String dir = next[1] + "/" + names.get(kid);
                    folderDirs.put(kid, dir);
                    todo.add(new String[] {kid, dir});
                }
            }
        }
    }

    /** id → safe name; names that collide (also by case) get {@code --<id>}, as do items without a name. */
    private static Map<String, String> unique(List<String> ids, java.util.function.Function<String, String> name) {
        Map<String, Integer> uses = new HashMap<>();
        Map<String, String> base = new HashMap<>();
        for (String id : ids) {
            String n = name.apply(id);
            String b = n == null || n.isBlank() ? null : SafeNames.of(n);
            base.put(id, b);
            if (b != null) {
                uses.merge(SafeNames.foldKey(b), 1, Integer::sum);
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String id : ids) {
            String b = base.get(id);
            out.put(id, b == null ? "_id-" + SafeNames.of(id)
                    : uses.get(SafeNames.foldKey(b)) > 1 ? b + "--" + SafeNames.of(id) : b);
        }
        return out;
    }

    /** What a person calls the object: the first of title, name, email and the other naming fields. */
    public static String title(String type, JsonNode doc) {
        if (doc == null) {
            return null;
        }
        String t = firstText(doc, "title", "name", "custom_title", "label", "display_name", "email");
        if (t == null && type.equals("alerts")) {
            t = doc.path("field").path("title").asText(null);
        }
        return t;
    }

    private static String firstText(JsonNode doc, String... fields) {
        for (String f : fields) {
            String v = text(doc, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String text(JsonNode doc, String field) {
        JsonNode v = doc == null ? null : doc.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /**
     * The type a file of a tree holds, from where it is, or empty when the file is not an object file (the
     * manifest, or anything that does not end in the tree's extension).
     *
     * @throws IllegalArgumentException when a file with the tree's extension is where no object file can be
     */
    public static Optional<String> typeOf(String relPath, TreeFormat format) {
        String e = "." + format.extension();
        if (!relPath.endsWith(e) || !relPath.contains("/")) {
            return Optional.empty();
        }
        String[] parts = relPath.split("/");
        String file = parts[parts.length - 1];
        switch (parts[0]) {
            case FOLDERS:
                if (file.equals("folder" + e)) {
                    return Optional.of("folders");
                }
                for (Map.Entry<String, String> p : PREFIX.entrySet()) {
                    if (file.startsWith(p.getValue() + "--")) {
                        return Optional.of(p.getKey());
                    }
                }
                throw new IllegalArgumentException("not an object file: under folders/ a file is folder" + e
                        + ", or starts with dashboard--, look--, schedule-- or alert--");
            case "users":
                if (parts.length == 2) {
                    return Optional.of("users");
                }
                break;
            case "admin":
                if (parts.length == 3) {
                    return Optional.of(parts[1]);
                }
                break;
            default:
                return Optional.empty();
        }
        throw new IllegalArgumentException("not an object file: expected users/<email>" + e + " or admin/<type>/<name>" + e);
    }
}
