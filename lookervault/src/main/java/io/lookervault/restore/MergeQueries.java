package io.lookervault.restore;

import io.lookervault.looker.ApiPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;

/**
 * Merged-result tiles: a merge query and its source queries are ids valid only where they were made. Onto
 * another instance (or when the id no longer resolves) they are recreated from the copies extraction keeps
 * under the dashboard's {@code _lookervault} key: each source query with create_query, then the merge query
 * with the new source query ids. A merge query the destination tile already has is reused when it asks the
 * same thing, so a second restore writes nothing. Stateless; used by one thread per dashboard.
 */
final class MergeQueries {
    /** Stands for a merge query a dry run would create. */
    static final String NEW = "(new merge query)";

    private MergeQueries() {}

    /**
     * The destination merge query id for source element {@code e}: its own id in the same instance when it
     * resolves there, else the current tile's when identical, else a new one; null when the backup lacks it.
     */
    static String ensure(JsonNode e, JsonNode have, JsonNode dashboard, RestoreContext ctx)
            throws LookerException, InterruptedException {
        String srcId = e.path("merge_result_id").asText();
        if (ctx.sameInstance && ctx.dest.getOrNull(ApiPath.of("merge_queries", srcId)) != null) {
            return srcId;
        }
        JsonNode extra = dashboard.path("_lookervault");
        JsonNode mq = extra.path("merge_queries").path(srcId);
        if (!mq.isObject()) {
            return null;
        }
        String currentId = have == null ? null : JsonFields.text(have, "merge_result_id");
        JsonNode current = currentId == null ? null : ctx.dest.getOrNull(ApiPath.of("merge_queries", currentId));
        ObjectNode want = ctx.write.body("MergeQuery", mq);
        ArrayNode sources = want.putArray("source_queries");
        int i = 0;
        for (JsonNode sq : mq.path("source_queries")) {
            JsonNode query = sourceQuery(sq.path("query_id").asText(), dashboard);
            if (query == null) {
                return null;
            }
            JsonNode now = current == null ? null : currentQuery(current.path("source_queries").path(i), ctx);
            ObjectNode s = sq.deepCopy();
            // a slug names a query on its own instance only
            s.remove("query_slug");
            s.put("query_id", QueryReuse.ensure(query, now, ctx));
            sources.add(s);
            i++;
        }
        if (current != null && JsonFields.diff(want, current).isEmpty()) {
            return currentId;
        }
        return ctx.dryRun ? NEW : ctx.dest.post("/merge_queries", want).path("id").asText();
    }

    /** The backed-up query: embedded in an element of the dashboard, or stored beside it. */
    private static JsonNode sourceQuery(String id, JsonNode dashboard) {
        for (JsonNode e : dashboard.path("dashboard_elements")) {
            if (id.equals(e.path("query").path("id").asText(null))) {
                return e.path("query");
            }
        }
        JsonNode q = dashboard.path("_lookervault").path("queries").path(id);
        return q.isObject() ? q : null;
    }

    private static JsonNode currentQuery(JsonNode sq, RestoreContext ctx) throws LookerException, InterruptedException {
        String id = JsonFields.text(sq, "query_id");
        return id == null ? null : ctx.dest.getOrNull(ApiPath.of("queries", id));
    }
}
