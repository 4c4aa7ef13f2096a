package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful answer must look like before anyone stores or acts on it. A lying proxy or server can
 * answer 200 with nothing, {@code null}, {@code {}}, another item, or list rows without ids; stored as a
 * version, such an answer would later be "restored" over the real item, and a list row without an id would
 * make the real item look deleted. Each is a {@link MalformedResponseException}: retried, then failed.
 * Pure and thread-safe.
 */
final class AnswerCheck {
    private AnswerCheck() {}

    /** Rejects a redirect, an empty GET answer, and a catalogue item or list that is not what was asked. */
    static void check(String method, String path, Map<String, String> query, int status, JsonNode json)
            throws MalformedResponseException {
        if (status < 200 || status >= 300) {
            throw ErrorMapper.malformed(method, path, status, "a redirect or informational answer instead of"
                    + " Looker's JSON (is base_url the API host, without a proxy that redirects?)");
        }
        if (!"GET".equals(method)) {
            return;
        }
        if (json.isMissingNode() || json.isNull()) {
            throw ErrorMapper.malformed(method, path, status, "an empty answer (no document)");
        }
        Optional<ContentType> listed = listOf(path);
        if (listed.isPresent()) {
            if (!json.isArray()) {
                throw ErrorMapper.malformed(method, path, status, "expected a JSON array of items");
            }
            rows(method, path, query, status, List.copyOf(toList(json)));
            return;
        }
        Optional<Map.Entry<ContentType, String>> item = itemOf(path);
        if (item.isPresent() && asksFor(query, item.get().getKey().idField())) {
            String idField = item.get().getKey().idField();
            JsonNode id = json.path(idField);
            if (!json.isObject() || !id.isValueNode() || id.isNull()
                    || !PathSegments.encode(id.asText()).equals(item.get().getValue())) {
                throw ErrorMapper.malformed(method, path, status, "the answer is not the item asked for (no "
                        + idField + " " + item.get().getValue() + " in it)");
            }
        }
    }

    /** Rejects list rows that are not objects with an id (when the query asks for ids). */
    static void rows(String method, String path, Map<String, String> query, int status, List<JsonNode> rows)
            throws MalformedResponseException {
        String idField = listOf(path).map(ContentType::idField).orElse("id");
        if (!asksFor(query, idField)) {
            return;
        }
        for (JsonNode r : rows) {
            JsonNode id = r.path(idField);
            if (!r.isObject() || !id.isValueNode() || id.isNull() || id.asText().isEmpty()) {
                throw ErrorMapper.malformed(method, path, status, "a list row without " + idField
                        + " (the list cannot be trusted: an item missing from it would look deleted)");
            }
        }
    }

    private static boolean asksFor(Map<String, String> query, String field) {
        String fields = query.get("fields");
        return fields == null || fields.isBlank() || Arrays.asList(fields.split(",")).contains(field);
    }

    private static Optional<ContentType> listOf(String path) {
        return Arrays.stream(ContentType.values()).filter(t -> t.paging() != ContentType.Paging.FIXED
                && t.listPath().equals(path)).findFirst();
    }

    /** The catalogue type and the (still encoded) id when {@code path} is one item's GET path. */
    private static Optional<Map.Entry<ContentType, String>> itemOf(String path) {
        for (ContentType t : ContentType.values()) {
            if (t.paging() == ContentType.Paging.FIXED && t.fixedIds().stream().anyMatch(id -> t.getPath(id).equals(path))) {
                return Optional.empty(); // a singleton such as /themes/default: its answer's id is not "default"
            }
        }
        for (ContentType t : ContentType.values()) {
            if (t.paging() == ContentType.Paging.FIXED) {
                continue; // a singleton's answer has no id to check
            }
            String prefix = t.getPath("\u0000").substring(0, t.getPath("\u0000").indexOf("%00"));
            if (path.startsWith(prefix) && !path.equals(t.listPath())) {
                String rest = path.substring(prefix.length());
                if (!rest.isEmpty() && !rest.contains("/") && !rest.equals("search")) {
                    return Optional.of(Map.entry(t, rest));
                }
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }
}
