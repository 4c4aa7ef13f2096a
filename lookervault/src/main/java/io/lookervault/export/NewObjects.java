package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.vault.Hashes;
import java.util.HashMap;
import java.util.Map;

/**
 * Files without an id: objects a person wrote, most often by copying an exported file. Such an object gets an
 * id made of its path, stable from one import of the tree to the next (so a second restore finds what the
 * first created, through the restore's id map). A copied dashboard also carries its original's parts: their
 * ids are made the new dashboard's own (keeping the tile ↔ layout links), or restore would map the original's
 * tiles, and the alerts on them, to the copy's; and {@link ImportPlan} drops a slug copied from another
 * dashboard, or restore would take the copy for its original (dashboards are matched by slug) and overwrite it.
 * Stateless.
 */
final class NewObjects {
    private NewObjects() {}

    /** The id of the new object in the file at {@code rel}. */
    static String id(String rel) {
        return "new-" + Hashes.sha256(rel).substring(0, 12);
    }

    /** Gives a new dashboard's filters, tiles, layouts and layout components ids of its own, in place. */
    static void ownParts(String type, String id, JsonNode doc) {
        if (!type.equals("dashboards")) {
            return;
        }
        rekey(doc.path("dashboard_filters"), id, "f");
        Map<String, String> elements = rekey(doc.path("dashboard_elements"), id, "e");
        Map<String, String> layouts = rekey(doc.path("dashboard_layouts"), id, "l");
        int n = 0;
        for (JsonNode layout : doc.path("dashboard_layouts")) {
            for (JsonNode c : layout.path("dashboard_layout_components")) {
                if (c instanceof ObjectNode o) {
                    String old = text(o, "id");
                    o.put("id", id + "-c-" + (old == null ? "n" + n++ : old));
                    relink(o, "dashboard_element_id", elements);
                    relink(o, "dashboard_layout_id", layouts);
                }
            }
        }
    }

    /** New ids for the objects of {@code parts}; returns old id → new id. */
    private static Map<String, String> rekey(JsonNode parts, String id, String kind) {
        Map<String, String> renamed = new HashMap<>();
        int i = 0;
        for (JsonNode p : parts) {
            if (p instanceof ObjectNode o) {
                String old = text(o, "id");
                String fresh = id + "-" + kind + "-" + (old == null ? "n" + i : old);
                if (old != null) {
                    renamed.put(old, fresh);
                }
                o.put("id", fresh);
                if (o.has("dashboard_id")) {
                    o.put("dashboard_id", id);
                }
            }
            i++;
        }
        return renamed;
    }

    private static void relink(ObjectNode o, String field, Map<String, String> renamed) {
        String old = text(o, field);
        if (old != null && renamed.containsKey(old)) {
            o.put(field, renamed.get(old));
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
