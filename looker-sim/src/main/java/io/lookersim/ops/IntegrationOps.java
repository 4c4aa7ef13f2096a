package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.InstanceTables;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Integration hubs (authorization_token write-only: only has_authorization_token shows) and their integrations
 * (enabled and param values writable; a sensitive param's value is never answered, only has_value). Admin only
 * for writes. Thread-safe.
 */
public final class IntegrationOps extends OperationGroup {
    public IntegrationOps(Store st, Views v) {
        super(st, v);
    }

    private InstanceTables in() { return st.instance; }

    public void register(Api api) {
        api.on("all_integration_hubs", r -> Listing.ofList(r, in().integrationHubs.all(), IntegrationOps::hub, false))
                .on("integration_hub", r -> one(r, hub(need(in().integrationHubs.get(r.param("integration_hub_id"))))))
                .on("create_integration_hub", this::createHub).on("update_integration_hub", this::updateHub)
                .on("delete_integration_hub", r -> {
                    requireAdmin(r);
                    return st.write(() -> {
                        ObjectNode h = need(in().integrationHubs.get(r.param("integration_hub_id")));
                        if (h.path("official").asBoolean()) throw ApiError.badRequest("The Looker Action Hub cannot be deleted");
                        in().integrationHubs.remove(r.param("integration_hub_id"));
                        return ApiResponse.noContent();
                    });
                })
                .on("all_integrations", r -> Listing.ofList(r, integrations(r.q("integration_hub_id")), IntegrationOps::integration, false))
                .on("integration", r -> one(r, integration(need(in().integrations.get(r.param("integration_id"))))))
                .on("update_integration", this::updateIntegration);
    }

    private static ObjectNode need(ObjectNode n) {
        if (n == null) throw ApiError.notFound();
        return n;
    }

    private List<ObjectNode> integrations(String hub) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode i : in().integrations.all()) if (hub == null || hub.equals(JsonNodes.text(i, "integration_hub_id"))) out.add(i);
        return out;
    }

    private ApiResponse createHub(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        require(b, "url");
        return st.write(() -> {
            String url = b.get("url").asText();
            for (ObjectNode h : in().integrationHubs.all()) if (url.equals(JsonNodes.text(h, "url"))) throw ApiError.conflict("A hub with this url exists");
            long id = 1;
            for (ObjectNode h : in().integrationHubs.all()) id = Math.max(id, Long.parseLong(JsonNodes.text(h, "id")) + 1);
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("label", java.net.URI.create(url).getHost()).put("official", false)
                    .put("legal_agreement_signed", false).put("legal_agreement_required", false).put("has_authorization_token", false);
            absorbHub(b, n);
            in().integrationHubs.put(s(id), n);
            return ApiResponse.ok(hub(n));
        });
    }

    private ApiResponse updateHub(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(in().integrationHubs.get(r.param("integration_hub_id"))).deepCopy();
            absorbHub(b, n);
            in().integrationHubs.put(r.param("integration_hub_id"), n);
            return ApiResponse.ok(hub(n));
        });
    }

    private void absorbHub(JsonNode b, ObjectNode n) {
        mergeKeepingNoSecrets("IntegrationHub", b, n);
        if (b.has("authorization_token")) n.put("has_authorization_token", sets(b, "authorization_token"));
    }

    private ApiResponse updateIntegration(ApiRequest r) {
        requireAdmin(r);
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(in().integrations.get(r.param("integration_id"))).deepCopy();
            if (b.has("enabled") && !b.get("enabled").isNull()) n.put("enabled", b.get("enabled").asBoolean());
            if (b.path("params").isArray()) n.set("params", params((ArrayNode) n.get("params"), b.get("params")));
            in().integrations.put(r.param("integration_id"), n);
            return ApiResponse.ok(integration(n));
        });
    }

    /** Params are the hub's: matched by name (an unknown one is 422); a null value is ignored, "" clears it. */
    private static ArrayNode params(ArrayNode current, JsonNode in) {
        ArrayNode out = current.deepCopy();
        for (JsonNode p : in) {
            ObjectNode target = null;
            for (JsonNode c : out) if (JsonNodes.text(c, "name") != null && JsonNodes.text(c, "name").equals(JsonNodes.text(p, "name"))) target = (ObjectNode) c;
            if (target == null) throw ApiError.validation("params", "invalid", "No param named " + JsonNodes.text(p, "name"));
            JsonNode value = p.get("value");
            if (value != null && !value.isNull()) {
                target.put("value", value.asText().isEmpty() ? null : value.asText()).put("has_value", !value.asText().isEmpty());
            }
            if (p.has("user_attribute_name")) target.set("user_attribute_name", p.get("user_attribute_name"));
        }
        return out;
    }

    private static ObjectNode hub(ObjectNode h) {
        ObjectNode n = h.deepCopy();
        n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", !h.path("official").asBoolean()));
        return Shaper.shape("IntegrationHub", n);
    }

    private static ObjectNode integration(ObjectNode i) {
        ObjectNode n = i.deepCopy();
        for (JsonNode p : n.path("params")) if (p.path("sensitive").asBoolean()) ((ObjectNode) p).putNull("value");
        n.set("can", JsonNodes.obj().put("show", true).put("update", true));
        return Shaper.shape("Integration", n);
    }
}
