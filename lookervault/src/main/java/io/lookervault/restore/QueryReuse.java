package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;

/** QueryReuse are immutable and de-duplicated by Looker: restoring one means creating it (or reusing the same). */
final class QueryReuse {
    /** Stands for a query a dry run would create. */
    static final String NEW = "(new query)";

    private QueryReuse() {}

    /** The query's write body: writable fields, without {@code client_id} (unique per query, as gzr does). */
    static ObjectNode body(JsonNode query, RestoreContext ctx) {
        ObjectNode b = ctx.write.body("Query", query);
        b.remove("client_id");
        return b;
    }

    /**
     * The destination query id for a backed-up query: the current one when it already asks the same thing,
     * else a newly created one ({@link #NEW} in a dry run); null when there is no query.
     */
    static String ensure(JsonNode source, JsonNode current, RestoreContext ctx) throws LookerException, InterruptedException {
        if (source == null || !source.isObject()) {
            return null;
        }
        ObjectNode want = body(source, ctx);
        if (current != null && current.isObject() && JsonFields.diff(want, current).isEmpty()) {
            return current.path("id").asText();
        }
        return ctx.dryRun ? NEW : ctx.dest.post("/queries", want).path("id").asText();
    }
}
