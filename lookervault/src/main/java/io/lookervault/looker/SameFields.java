package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether an item found at Looker carries every field a create sent that it shows, with the same value: the test that a
 * found item is the one a lost create made, not an unrelated one with the same name. Scalars compare by
 * text (Looker may answer {@code 5} for {@code "5"}); objects field by field; arrays element by element.
 * Pure and thread-safe.
 */
final class SameFields {
    private SameFields() {}

    static boolean carries(JsonNode found, JsonNode sent) {
        if (sent == null || sent.isNull()) {
            return found == null || found.isNull() || found.isMissingNode();
        }
        if (sent.isObject()) {
            if (!found.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode has = found.get(f.getKey());
                // a field the answer leaves out cannot contradict (write-only ones, e.g. a role's permission_set_id)
                if (has != null && !carries(has, f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (sent.isArray()) {
            if (!found.isArray() || found.size() != sent.size()) {
                return false;
            }
            for (int i = 0; i < sent.size(); i++) {
                if (!carries(found.get(i), sent.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return found.isValueNode() && !found.isNull() && found.asText().equals(sent.asText());
    }
}
