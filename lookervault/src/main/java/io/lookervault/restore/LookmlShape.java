package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a user-defined copy still shows what its LookML dashboard defines: the same filters (name, field,
 * default) and tiles (title, kind, query model, explore and fields, text), ignoring ids, order and layout, which a
 * sync would not keep either. Stateless.
 */
final class LookmlShape {
    private LookmlShape() {}

    static boolean same(JsonNode lookml, JsonNode copy) {
        return shape(lookml).equals(shape(copy));
    }

    static List<String> shape(JsonNode d) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : d.path("dashboard_filters")) {
            out.add("filter " + String.join("|", text(f, "name"), text(f, "dimension"), text(f, "default_value")));
        }
        for (JsonNode e : d.path("dashboard_elements")) {
            JsonNode q = e.path("query");
            out.add("tile " + String.join("|", text(e, "title"), text(e, "type"), text(q, "model"), text(q, "view"),
                    q.path("fields").toString(), text(e, "title_text"), text(e, "body_text")));
        }
        out.sort(null);
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asText();
    }
}
