package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a single item needs at the destination before it can be restored (its folder chain; a dashboard's
 * looks and their folders), limited to what is missing there: present dependencies are not touched.
 * Used by one thread.
 */
final class Dependencies {
    /** One item to restore first. */
    record Dep(RestoreOrder.Step step, String id) {}

    private final RestoreContext ctx;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Dep> out = new ArrayList<>();

    Dependencies(RestoreContext ctx) {
        this.ctx = ctx;
    }

    List<Dep> missing(String type, JsonNode doc) throws InterruptedException {
        try {
            switch (type) {
                case "folders" -> folderChain(JsonFields.text(doc, "parent_id"));
                case "looks" -> folderChain(JsonFields.text(doc, "folder_id"));
                case "dashboards" -> {
                    folderChain(JsonFields.text(doc, "folder_id"));
                    for (JsonNode e : doc.path("dashboard_elements")) {
                        look(JsonFields.text(e, "look_id"));
                    }
                }
                default -> { }
            }
        } catch (LookerException e) {
            throw new RestoreException("cannot check the dependencies of " + type + ": " + e.getMessage(), e);
        }
        return out;
    }

    private void look(String id) throws LookerException, InterruptedException {
        if (id == null || present(ContentType.LOOKS, id)) {
            return;
        }
        JsonNode doc = ctx.source.doc("looks", id).orElse(null);
        if (doc != null) {
            folderChain(JsonFields.text(doc, "folder_id"));
            add("looks", id);
        }
    }

    /** The folder and its missing ancestors, root-most first. */
    private void folderChain(String id) throws LookerException, InterruptedException {
        List<String> chain = new ArrayList<>();
        for (String f = id; f != null && !present(ContentType.FOLDERS, f) && chain.size() < 1000; ) {
            JsonNode doc = ctx.source.doc("folders", f).orElse(null);
            if (doc == null) {
                break;
            }
            chain.add(0, f);
            f = JsonFields.text(doc, "parent_id");
        }
        for (String f : chain) {
            add("folders", f);
        }
    }

    private boolean present(ContentType type, String id) throws LookerException, InterruptedException {
        String dest = ctx.ids.ref(type.key(), id);
        return dest != null && ctx.dest.getOrNull(type.getPath(dest)) != null;
    }

    private void add(String type, String id) {
        if (seen.add(type + "/" + id)) {
            RestoreOrder.steps().stream().filter(s -> s.name().equals(type)).findFirst()
                    .ifPresent(s -> out.add(new Dep(s, id)));
        }
    }
}
