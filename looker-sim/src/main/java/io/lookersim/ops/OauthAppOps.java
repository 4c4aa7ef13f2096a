package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Keyed;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * OAuth client apps (registered under a client_guid the caller chooses) and external OAuth applications (for
 * database OAuth; client_secret write-only, addressed by client_id for PATCH/DELETE as the spec's paths say).
 * Admin only. Thread-safe.
 */
public final class OauthAppOps extends OperationGroup {
    public OauthAppOps(Store st, Views v) {
        super(st, v);
    }

    private Keyed apps() { return st.instance.oauthClientApps; }

    private Keyed external() { return st.instance.externalOauthApps; }

    public void register(Api api) {
        api.on("all_oauth_client_apps", r -> {
            requireAdmin(r);
            return Listing.ofList(r, apps().all(), OauthAppOps::app, false);
        }).on("oauth_client_app", r -> {
            requireAdmin(r);
            return one(r, app(need(apps(), r.param("client_guid"))));
        }).on("register_oauth_client_app", this::register).on("update_oauth_client_app", this::update)
                .on("delete_oauth_client_app", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        need(apps(), r.param("client_guid"));
                        apps().remove(r.param("client_guid"));
                        return ApiResponse.noContent();
                    });
                })
                .on("all_external_oauth_applications", r -> {
                    requireAdmin(r);
                    List<ObjectNode> out = new ArrayList<>();
                    for (ObjectNode a : external().all()) {
                        if (matches(r.q("name"), a, "name") && matches(r.q("client_id"), a, "client_id")) out.add(a);
                    }
                    return Listing.ofList(r, out, OauthAppOps::externalApp, false);
                })
                .on("create_external_oauth_application", this::createExternal).on("update_external_oauth_application", this::updateExternal)
                .on("delete_external_oauth_application", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        external().remove(JsonNodes.text(byClientId(r.param("client_id")), "id"));
                        return ApiResponse.noContent();
                    });
                });
    }

    private static boolean matches(String want, ObjectNode n, String field) { return want == null || want.equals(JsonNodes.text(n, field)); }

    private static ObjectNode need(Keyed k, String key) {
        ObjectNode n = k.get(key);
        if (n == null) throw ApiError.notFound();
        return n;
    }

    private ApiResponse register(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "redirect_uri", "display_name");
        return st.write(() -> {
            String guid = r.param("client_guid");
            if (apps().get(guid) != null) throw ApiError.conflict("An app with client_guid " + guid + " is registered");
            ObjectNode n = JsonNodes.obj().put("client_guid", guid).put("description", "").put("enabled", true)
                    .put("tokens_invalid_before", st.nowIso());
            absorbApp(b, n);
            apps().put(guid, n);
            return one(r, app(n));
        });
    }

    private ApiResponse update(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(apps(), r.param("client_guid")).deepCopy();
            absorbApp(b, n);
            apps().put(r.param("client_guid"), n);
            return one(r, app(n));
        });
    }

    private void absorbApp(JsonNode b, ObjectNode n) {
        JsonNode g = b.get("group_id");
        if (g != null && !g.isNull() && st.groups.get(g.asText()) == null) throw ApiError.validation("group_id", "invalid", "No group with id " + g.asText());
        Shaper.mergeWritable("OauthClientApp", b, n);
    }

    private ApiResponse createExternal(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "name", "client_id", "client_secret");
        return st.write(() -> {
            for (ObjectNode a : external().all()) {
                if (b.get("name").asText().equals(JsonNodes.text(a, "name"))) throw ApiError.conflict("An application named " + b.get("name").asText() + " exists");
            }
            long id = 1;
            for (ObjectNode a : external().all()) id = Math.max(id, Long.parseLong(JsonNodes.text(a, "id")) + 1);
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("created_at", st.nowIso());
            mergeKeepingNoSecrets("ExternalOauthApplication", b, n);
            external().put(s(id), n);
            return ApiResponse.ok(externalApp(n));
        });
    }

    private ApiResponse updateExternal(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = byClientId(r.param("client_id")).deepCopy();
            mergeKeepingNoSecrets("ExternalOauthApplication", b, n);
            external().put(JsonNodes.text(n, "id"), n);
            return ApiResponse.ok(externalApp(n));
        });
    }

    private ObjectNode byClientId(String clientId) {
        for (ObjectNode a : external().all()) if (clientId.equals(JsonNodes.text(a, "client_id"))) return a;
        throw ApiError.notFound();
    }

    private static ObjectNode app(ObjectNode a) {
        ObjectNode n = a.deepCopy();
        n.set("activated_users", JsonNodes.arr());
        n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
        return Shaper.shape("OauthClientApp", n);
    }

    private static ObjectNode externalApp(ObjectNode a) {
        ObjectNode n = a.deepCopy();
        n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
        return Shaper.shape("ExternalOauthApplication", n);
    }
}
