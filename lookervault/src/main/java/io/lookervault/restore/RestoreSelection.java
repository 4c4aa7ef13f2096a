package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backed-up items a bulk restore visits: all of the chosen types, or with {@code --folder-ids} the
 * folders (subtrees with {@code --recursive}), their looks, dashboards and content access, and the plans and
 * alerts on that content. Used by one thread.
 */
final class RestoreSelection {
    private static final Set<String> FOLDER_DEFAULT = Set.of("folders", "looks", "dashboards", "content_access",
            "scheduled_plans", "alerts");
    private final BackupSnapshot source;
    private Set<String> folders;
    private final Set<String> looks = new HashSet<>();
    private final Set<String> dashboards = new HashSet<>();
    private final Set<String> elements = new HashSet<>();

    RestoreSelection(BackupSnapshot source) {
        this.source = source;
    }

    List<String> ids(RestoreOrder.Step step, RestoreOptions o) {
        boolean named = o.types().isEmpty() || o.types().contains(step.source().key());
        if (o.folderIds().isEmpty()) {
            return named ? source.ids(step.source().key()) : List.of();
        }
        if (!(o.types().isEmpty() ? FOLDER_DEFAULT.contains(step.name()) : named)) {
            return List.of();
        }
        Set<String> in = folders(o);
        return source.ids(step.source().key()).stream().filter(id -> inScope(step, id, in)).toList();
    }

    private boolean inScope(RestoreOrder.Step step, String id, Set<String> in) {
        JsonNode doc = source.doc(step.source().key(), id).orElse(null);
        if (doc == null) {
            return false;
        }
        return switch (step.source()) {
            case FOLDERS -> in.contains(id);
            case LOOKS -> keep(looks, id, in.contains(JsonFields.text(doc, "folder_id")));
            case DASHBOARDS -> {
                boolean keep = in.contains(JsonFields.text(doc, "folder_id"));
                if (keep) {
                    doc.path("dashboard_elements").forEach(e -> elements.add(e.path("id").asText()));
                }
                yield keep(dashboards, id, keep);
            }
            case SCHEDULED_PLANS -> dashboards.contains(JsonFields.text(doc, "dashboard_id"))
                    || looks.contains(JsonFields.text(doc, "look_id"));
            case ALERTS -> elements.contains(JsonFields.text(doc, "dashboard_element_id"));
            default -> true;
        };
    }

    private static boolean keep(Set<String> set, String id, boolean keep) {
        if (keep) {
            set.add(id);
        }
        return keep;
    }

    private Set<String> folders(RestoreOptions o) {
        if (folders != null) {
            return folders;
        }
        folders = new HashSet<>(o.folderIds());
        if (o.recursive()) {
            Map<String, String> parent = new HashMap<>();
            for (String id : source.ids("folders")) {
                source.doc("folders", id).ifPresent(d -> parent.put(id, JsonFields.text(d, "parent_id")));
            }
            for (String id : parent.keySet()) {
                int depth = 0;
                for (String p = parent.get(id); p != null && depth++ < 1000; p = parent.get(p)) {
                    if (o.folderIds().contains(p)) {
                        folders.add(id);
                        break;
                    }
                }
            }
        }
        return folders;
    }
}
