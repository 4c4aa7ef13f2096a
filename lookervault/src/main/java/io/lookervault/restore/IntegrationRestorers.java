package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Looker talks to and what talks to Looker (issue #11): action hubs by URL (their token from the secrets
 * file), each hub's integrations (enabled state and params; a sensitive param's value from the secrets file), OAuth
 * client apps by client_guid, and external OAuth applications by name (their client secret from the secrets file).
 * Stateless.
 */
final class IntegrationRestorers {
    private IntegrationRestorers() {}

    /** Hubs by URL; Looker's own Action Hub is there in every Looker and only matched. */
    static TypeRestorer hubs() {
        return new InstanceRestorers.Keyed(ContentType.INTEGRATION_HUBS, "IntegrationHub") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                return byField(ctx, "url", JsonFields.text(doc, "url"));
            }

            @Override
            boolean readOnlyAtDestination(JsonNode doc) {
                return doc.path("official").asBoolean(false);
            }
        };
    }

    /**
     * Integrations come with their hub: matched by the id within the destination hub ({@code <hub>::<name>}), never
     * created. Params are sent by name; a sensitive one (Looker never answers its value) is taken from the secrets
     * file when the destination says it has none.
     */
    static TypeRestorer integrations() {
        return new InstanceRestorers.Keyed(ContentType.INTEGRATIONS, "Integration") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String hub = ctx.ids.ref(ContentType.INTEGRATION_HUBS.key(), doc.path("integration_hub_id"));
                String id = JsonFields.text(doc, "id");
                if (hub == null || id == null) {
                    return null;
                }
                String own = id.substring(id.indexOf("::") + 2);
                for (JsonNode i : ctx.dest.get(contentType.listPath(), Map.of("integration_hub_id", hub))) {
                    String d = JsonFields.text(i, "id");
                    if (d != null && d.substring(d.indexOf("::") + 2).equals(own)) {
                        return i;
                    }
                }
                return null;
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) {
                ObjectNode b = writable(doc, ctx);
                b.remove("installed_delegate_oauth_targets"); // per-user OAuth grants of the source: not portable
                return b;
            }

            @Override
            List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx,
                               List<String> notes) throws LookerException, InterruptedException {
                return sensitiveParams(sourceId, doc, destId, dest, ctx, notes);
            }
        };
    }

    /**
     * Sends each sensitive param the source had set and the destination lacks, from the secrets file
     * ({@code [integrations."<id>"] params.<name> = "..."}); reports it (as unset) when the file has none.
     */
    private static List<String> sensitiveParams(String sourceId, JsonNode doc, String destId, JsonNode dest,
                                                RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ArrayNode params = BackupSnapshot.JSON.createArrayNode();
        for (String field : SecretNeeds.paramSecrets(doc)) {
            String name = field.substring("params.".length());
            if (dest != null && hasValue(dest, name)) {
                continue;
            }
            Optional<String> v = ctx.secrets.get(ContentType.INTEGRATIONS.key(), sourceId, field);
            if (v.isPresent()) {
                params.addObject().put("name", name).put("value", v.get());
                notes.add("secret " + field + ": set");
            } else {
                notes.add(SecretNeeds.missing(ContentType.INTEGRATIONS.key(), sourceId, field, ctx.secrets));
            }
        }
        if (params.isEmpty()) {
            return List.of();
        }
        if (!ctx.dryRun) {
            ObjectNode body = BackupSnapshot.JSON.createObjectNode();
            body.set("params", params);
            ctx.dest.patch(ContentType.INTEGRATIONS.getPath(destId), body);
        }
        return List.of("params (secret)");
    }

    private static boolean hasValue(JsonNode integration, String param) {
        for (JsonNode p : integration.path("params")) {
            if (param.equals(JsonFields.text(p, "name"))) {
                return p.path("has_value").asBoolean(false);
            }
        }
        return false;
    }

    /** OAuth client apps, registered under their own client_guid; the group they admit translated. */
    static TypeRestorer oauthClientApps() {
        return new InstanceRestorers.Keyed(ContentType.OAUTH_CLIENT_APPS, "OauthClientApp") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String guid = JsonFields.text(doc, "client_guid");
                return guid == null ? null : keyed(ctx.dest.getOrNull(path(guid)));
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = writable(doc, ctx);
                translate(b, "group_id", "groups", ctx, notes);
                return b;
            }

            @Override
            JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
                    throws LookerException, InterruptedException {
                return ctx.dest.create(path(JsonFields.text(doc, "client_guid")), body, () -> findExisting(doc, ctx));
            }
        };
    }

    /**
     * External OAuth applications (database OAuth, referenced by connections) by name. The API has no GET of one and
     * writes them by client_id, so the destination's is looked up in its list.
     */
    static TypeRestorer externalOauthApplications() {
        return new InstanceRestorers.Keyed(ContentType.EXTERNAL_OAUTH_APPLICATIONS, "ExternalOauthApplication") {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String name = JsonFields.text(doc, "name");
                return name == null ? null : exact(ctx.dest.get(contentType.listPath(), Map.of("name", name)), "name", name);
            }

            @Override
            void update(String destId, ObjectNode changed, ObjectNode full, RestoreContext ctx, List<String> notes)
                    throws LookerException, InterruptedException {
                JsonNode at = exact(ctx.dest.get(contentType.listPath(), Map.of()), "id", destId);
                String clientId = at == null ? null : JsonFields.text(at, "client_id");
                if (clientId == null) {
                    throw new RestoreException("external OAuth application " + destId + " vanished at the destination");
                }
                ctx.dest.patch(path(clientId), changed);
            }
        };
    }
}
