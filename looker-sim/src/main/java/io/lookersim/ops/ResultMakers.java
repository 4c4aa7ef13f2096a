package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import io.lookersim.store.Store;

/**
 * A tile's result maker and its wiring to dashboard filters. An element keeps, under the internal key
 * {@value #LISTENS}, one listen list per filterable: index 0 for a query or look tile, one per source query for a
 * merged-results tile. Real Looker accepts {@code result_maker.filterables[].listen} on create and update of an
 * element and answers it back although the spec marks {@code listen} read-only (NOTES §5). Stateless: thread-safe.
 */
final class ResultMakers {
    /** Internal element key: array (per filterable) of arrays of {dashboard_filter_name, field}. */
    static final String LISTENS = "listens";

    private ResultMakers() {}

    /**
     * Takes the listens a write body's {@code result_maker.filterables} carries into element {@code e}; a body
     * without filterables leaves the element's wiring as it was.
     */
    static void takeListens(JsonNode body, ObjectNode e) {
        JsonNode fl = body.path("result_maker").path("filterables");
        if (!fl.isArray()) return;
        ArrayNode listens = JsonNodes.arr();
        for (JsonNode f : fl) {
            ArrayNode one = listens.addArray();
            for (JsonNode l : f.path("listen")) {
                if (l.hasNonNull("dashboard_filter_name")) {
                    one.addObject().put("dashboard_filter_name", l.get("dashboard_filter_name").asText())
                            .put("field", JsonNodes.text(l, "field"));
                }
            }
        }
        e.set(LISTENS, listens);
    }

    /** A copy of element {@code e} without listens to filter {@code name}, or null when none listened to it. */
    static ObjectNode withoutListensTo(ObjectNode e, String name) {
        boolean changed = false;
        ArrayNode out = JsonNodes.arr();
        for (JsonNode one : e.path(LISTENS)) {
            ArrayNode kept = out.addArray();
            for (JsonNode l : one) {
                if (name.equals(JsonNodes.text(l, "dashboard_filter_name"))) changed = true;
                else kept.add(l);
            }
        }
        if (!changed) return null;
        ObjectNode copy = e.deepCopy();
        copy.set(LISTENS, out);
        return copy;
    }

    /** The result maker Looker shows for element {@code e}, or null for a text or button tile. */
    static ObjectNode render(Store st, Views v, ObjectNode e) {
        String id = JsonNodes.text(e, "id");
        ObjectNode q = st.queries.get(JsonNodes.text(e, "query_id"));
        ObjectNode look = st.looks.get(JsonNodes.text(e, "look_id"));
        if (q == null && look != null) q = st.queries.get(JsonNodes.text(look, "query_id")); // a look tile runs the look's query
        JsonNode listens = e.path(LISTENS);
        if (q != null) {
            ObjectNode rm = JsonNodes.obj().put("id", id).put("query_id", JsonNodes.text(q, "id")).put("total", false)
                    .put("dynamic_fields", JsonNodes.text(q, "dynamic_fields"));
            rm.set("query", v.query(q));
            rm.set("vis_config", q.get("vis_config"));
            rm.set("sorts", q.get("sorts"));
            filterable(rm.putArray("filterables"), q, JsonNodes.text(q, "view"), listens.path(0));
            return rm;
        }
        String merge = JsonNodes.text(e, "merge_result_id");
        if (merge == null) return null;
        ObjectNode mq = st.mergeQueries.get(merge);
        ObjectNode rm = JsonNodes.obj().put("id", id).put("merge_result_id", merge).put("total", false);
        ArrayNode fl = rm.putArray("filterables");
        if (mq == null) return rm;
        rm.set("vis_config", mq.get("vis_config"));
        rm.put("dynamic_fields", JsonNodes.text(mq, "dynamic_fields"));
        int i = 0;
        for (JsonNode sq : mq.path("source_queries")) {
            ObjectNode src = st.queries.get(JsonNodes.text(sq, "query_id"));
            if (src != null) filterable(fl, src, JsonNodes.text(sq, "name"), listens.path(i));
            i++;
        }
        return rm;
    }

    private static void filterable(ArrayNode into, ObjectNode q, String name, JsonNode listen) {
        ObjectNode f = into.addObject().put("model", JsonNodes.text(q, "model")).put("view", JsonNodes.text(q, "view")).put("name", name);
        ArrayNode l = f.putArray("listen");
        if (listen.isArray()) listen.forEach(x -> l.add(x.deepCopy()));
    }
}
