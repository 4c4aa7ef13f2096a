package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.Json;
import io.lookersim.http.ApiError;
import io.lookersim.http.ApiRequest;
import io.lookersim.http.ApiResponse;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Table;

/** What every operation group shares: the store, the views, small helpers. Thread-safe. */
public class Ctx {
    protected final Store st;
    protected final Views v;

    protected Ctx(Store st, Views v) {
        this.st = st;
        this.v = v;
    }

    protected static ObjectNode need(Table t, String id) {
        ObjectNode n = t.get(id);
        if (n == null) throw ApiError.notFound();
        return n;
    }

    protected static ApiResponse one(ApiRequest r, ObjectNode rendered) { return ApiResponse.ok(Listing.one(r, rendered)); }

    protected static JsonNode body(ApiRequest r) {
        JsonNode b = r.body();
        if (b == null || !b.isObject()) return Json.obj();
        return b;
    }

    protected static void require(JsonNode body, String... fields) {
        for (String f : fields) {
            JsonNode x = body.get(f);
            if (x == null || x.isNull() || x.isTextual() && x.asText().isBlank()) throw ApiError.missing(f);
        }
    }

    protected static String s(long id) { return Long.toString(id); }

    protected static long id(String s) { return Table.parseId(s); }
}
