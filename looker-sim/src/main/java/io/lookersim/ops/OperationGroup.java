package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.store.ItemTable;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;

/** What every operation group shares: the store, the views, small helpers. Thread-safe. */
public class OperationGroup {
    protected final Store st;
    protected final Views v;

    protected OperationGroup(Store st, Views v) {
        this.st = st;
        this.v = v;
    }

    protected static ObjectNode need(ItemTable t, String id) {
        ObjectNode n = t.get(id);
        if (n == null) throw ApiError.notFound();
        return n;
    }

    protected static ApiResponse one(ApiRequest r, ObjectNode rendered) { return ApiResponse.ok(Listing.one(r, rendered)); }

    protected static JsonNode body(ApiRequest r) {
        JsonNode b = r.body();
        if (b == null || !b.isObject()) return JsonNodes.obj();
        return b;
    }

    protected static void require(JsonNode body, String... fields) {
        for (String f : fields) {
            JsonNode x = body.get(f);
            if (x == null || x.isNull() || x.isTextual() && x.asText().isBlank()) throw ApiError.missing(f);
        }
    }

    protected static String s(long id) { return Long.toString(id); }

    protected static long id(String s) { return ItemTable.parseId(s); }
}
