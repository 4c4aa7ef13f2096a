package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.gen.InstanceGen;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Keyed;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;

/**
 * Database connections, keyed by name. Secrets (password, certificate, file_type, and the same in the PDT override)
 * are accepted and never answered: a connection shows only has_password, as Looker does. Admin only. Thread-safe.
 */
public final class ConnectionOps extends OperationGroup {
    private static final String SCHEMA = "DBConnection";

    public ConnectionOps(Store st, Views v) {
        super(st, v);
    }

    private Keyed table() { return st.instance.connections; }

    public void register(Api api) {
        api.on("all_connections", r -> {
            requireAdmin(r);
            return Listing.ofList(r, table().all(), this::view, false);
        }).on("connection", r -> {
            requireAdmin(r);
            return one(r, view(need(r)));
        }).on("create_connection", this::create).on("update_connection", this::update)
                .on("delete_connection", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        need(r);
                        table().remove(r.param("connection_name"));
                        return ApiResponse.noContent();
                    });
                });
    }

    private ObjectNode need(ApiRequest r) {
        ObjectNode n = table().get(r.param("connection_name"));
        if (n == null) throw ApiError.notFound();
        return n;
    }

    private ApiResponse create(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "name", "dialect_name");
        return st.write(() -> {
            String name = b.get("name").asText();
            if (table().get(name) != null) throw ApiError.conflict("A connection named " + name + " already exists");
            ObjectNode n = JsonNodes.obj();
            absorb(b, n);
            n.put("name", name).put("created_at", st.nowIso()).put("user_id", r.userId());
            table().put(name, n);
            return ApiResponse.ok(view(n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(r).deepCopy();
            absorb(b, n);
            n.put("name", r.param("connection_name")).put("user_id", r.userId()); // the name is the id: PATCH keeps it
            table().put(r.param("connection_name"), n);
            return ApiResponse.ok(view(n));
        });
    }

    /** Writable fields of body into n; secrets only flip their has_* flags. */
    private void absorb(JsonNode b, ObjectNode n) {
        JsonNode tunnel = b.get("tunnel_id");
        if (tunnel != null && !tunnel.isNull() && !tunnel.asText().isEmpty() && st.instance.sshTunnels.get(tunnel.asText()) == null) {
            throw ApiError.validation("tunnel_id", "invalid", "No SSH tunnel with id " + tunnel.asText());
        }
        ObjectNode oldOverride = n.path("pdt_context_override").isObject() ? (ObjectNode) n.get("pdt_context_override") : null;
        mergeKeepingNoSecrets(SCHEMA, b, n);
        if (sets(b, "password")) n.put("has_password", true);
        if (sets(b, "certificate")) n.put("uses_service_auth", true);
        JsonNode o = b.get("pdt_context_override");
        if (o != null && o.isObject()) {
            ObjectNode merged = oldOverride == null ? JsonNodes.obj() : oldOverride.deepCopy();
            mergeKeepingNoSecrets("DBConnectionOverride", o, merged);
            if (sets(o, "password", "pdt_password")) merged.put("has_password", true);
            merged.put("context", "pdt");
            n.set("pdt_context_override", merged);
        }
    }

    private ObjectNode view(ObjectNode c) {
        ObjectNode n = c.deepCopy();
        String dialect = JsonNodes.text(c, "dialect_name");
        n.set("dialect", dialect == null ? null : InstanceGen.dialect(dialect));
        n.set("snippets", JsonNodes.arr());
        n.put("pdts_enabled", c.hasNonNull("tmp_db_name")).put("has_password", c.path("has_password").asBoolean())
                .put("uses_oauth", false).put("uses_instance_oauth", false)
                .put("uses_service_auth", c.path("uses_service_auth").asBoolean()).put("example", false)
                .put("managed", false).put("supports_data_studio_link", false).put("default_bq_connection", false);
        n.put("named_driver_version_actual", JsonNodes.text(c, "named_driver_version_requested"));
        if (c.path("pdt_context_override").isObject()) {
            ObjectNode o = (ObjectNode) n.get("pdt_context_override");
            o.put("has_password", o.path("has_password").asBoolean());
        }
        n.set("can", JsonNodes.obj().put("index", true).put("show", true).put("cost_estimate", true).put("access_data", true)
                .put("explore", true).put("refresh_schemas", true).put("destroy", true).put("test", true)
                .put("create", true).put("update", true));
        return Shaper.shape(SCHEMA, n);
    }
}
