package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Comparing a body restore would send with what the destination holds, field by field. */
final class JsonFields {
    private JsonFields() {}

    /** Top-level keys of {@code body} whose values differ from {@code dest}'s (nested objects: keys of body only). */
    static List<String> diff(ObjectNode body, JsonNode dest) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!same(e.getValue(), dest == null ? null : dest.get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static boolean same(JsonNode want, JsonNode have) {
        boolean wantNull = want == null || want.isNull() || want.isMissingNode();
        boolean haveNull = have == null || have.isNull() || have.isMissingNode();
        if (wantNull || haveNull) {
            return wantNull == haveNull;
        }
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!same(e.getValue(), have.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!have.isArray() || want.size() != have.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!same(want.get(i), have.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // numbers: 1 and 1L and "1" of an id field are the same value to Looker
        return want.asText().equals(have.asText());
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
