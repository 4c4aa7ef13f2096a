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

    /**
     * Instance administration (connections, projects, SSO, settings) needs the `administer` permission in real
     * Looker: any other caller is refused, with 403 where the spec declares it for the operation and otherwise 404
     * (Looker's "not found or not permitted"). The check reads the caller's current roles: a sudo'd user is refused.
     */
    protected void requireAdmin(ApiRequest r) { requirePermission(r, "administer"); }

    /** The caller holds the permission through one of its roles (administer implies every other), else 403/404. */
    protected void requirePermission(ApiRequest r, String permission) {
        long uid = id(r.userId());
        for (long role : st.roleUsers.lefts(uid)) {
            ObjectNode rn = st.roles.get(role);
            ObjectNode ps = rn == null ? null : st.permSets.get(JsonNodes.text(rn, "permission_set_id"));
            if (ps != null) for (JsonNode p : ps.path("permissions")) if (p.asText().equals(permission) || p.asText().equals("administer")) return;
        }
        if (io.lookersim.spec.Schemas.get().declares(r.operationId(), 403)) throw new ApiError(403, "Requires permission: " + permission, null);
        throw ApiError.notFound();
    }

    /**
     * Merges the schema's writable fields of body into target, then drops the write-only ones (secrets): the
     * simulator's API answers only whether a secret was set, never its value (tests see it: {@code st.secretsReceived}).
     */
    protected void mergeKeepingNoSecrets(String schema, JsonNode body, ObjectNode target) {
        io.lookersim.spec.Shaper.mergeWritable(schema, body, target);
        for (io.lookersim.spec.Schemas.Prop p : io.lookersim.spec.Schemas.get().schema(schema).props()) {
            if (p.writeOnly()) {
                // what Looker would keep goes to the test hook only (GET /__sim/secrets_received), never to a view
                if (sets(body, p.name())) st.secretsReceived.add(schema, p.name(), body.get(p.name()).asText());
                target.remove(p.name());
            }
        }
    }

    /** True when body sets a non-empty value for one of the fields (a secret being given). */
    protected static boolean sets(JsonNode body, String... fields) {
        for (String f : fields) {
            JsonNode v = body.get(f);
            if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty())) return true;
        }
        return false;
    }

    protected static long id(String s) { return ItemTable.parseId(s); }
}
