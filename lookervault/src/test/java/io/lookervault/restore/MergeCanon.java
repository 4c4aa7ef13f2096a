package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * For the round-trip proof: a merged-result tile's merge query id differs between instances, so each such
 * element gets a {@code merge_content} object (what the tile asks: per source query its name, merge fields and
 * the query's model, view, fields and filters) read from the dashboard's stored merge queries. An id whose
 * merge query is not in the document yields {"missing": id}, which never equals a real content.
 * Written independently of the restore code on purpose.
 */
final class MergeCanon {
    private static final String[] QUERY_KEYS = {"model", "view", "fields", "filters"};

    private MergeCanon() {}

    /** A copy of the dashboard document with {@code merge_content} on its merged-result elements. */
    static JsonNode of(JsonNode dashboard) {
        if (!dashboard.path("dashboard_elements").isArray()) {
            return dashboard;
        }
        ObjectNode copy = dashboard.deepCopy();
        for (JsonNode e : copy.path("dashboard_elements")) {
            if (e.hasNonNull("merge_result_id")) {
                ((ObjectNode) e).set("merge_content", content(e.path("merge_result_id").asText(), dashboard));
            }
        }
        return copy;
    }

    private static JsonNode content(String id, JsonNode dashboard) {
        JsonNode mq = dashboard.path("_lookervault").path("merge_queries").path(id);
        ObjectNode out = Canon.JSON.createObjectNode();
        if (!mq.isObject()) {
            return out.put("missing", id);
        }
        ArrayNode sources = out.putArray("source_queries");
        for (JsonNode sq : mq.path("source_queries")) {
            ObjectNode s = sources.addObject();
            s.set("name", sq.path("name"));
            s.set("merge_fields", sq.path("merge_fields"));
            JsonNode q = query(sq.path("query_id").asText(), dashboard);
            ObjectNode qc = s.putObject("query");
            for (String k : QUERY_KEYS) {
                qc.set(k, q.path(k).isMissingNode() ? Canon.JSON.nullNode() : q.path(k));
            }
        }
        return out;
    }

    private static JsonNode query(String id, JsonNode dashboard) {
        for (JsonNode e : dashboard.path("dashboard_elements")) {
            if (id.equals(e.path("query").path("id").asText(null))) {
                return e.path("query");
            }
        }
        return dashboard.path("_lookervault").path("queries").path(id);
    }
}
