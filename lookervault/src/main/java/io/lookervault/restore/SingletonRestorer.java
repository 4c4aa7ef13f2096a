package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Singletons (issue #11): the SAML, OIDC and LDAP configurations and the instance settings documents. Each always
 * exists at the destination, so it is only ever patched, field by field, in the writable fields that differ (a
 * dry run lists them). Auth configs have their group→role and attribute mappings translated to destination ids
 * and are never enabled unless the restore says {@code --enable-auth}: a login method pointing at an identity
 * provider that does not know the new Looker would lock everyone out. Stateless.
 */
final class SingletonRestorer implements TypeRestorer {
    private static final Map<String, String> SCHEMAS = Map.ofEntries(Map.entry("saml_config", "SamlConfig"),
            Map.entry("oidc_config", "OIDCConfig"), Map.entry("ldap_config", "LDAPConfig"),
            Map.entry("setting", "Setting"), Map.entry("session_config", "SessionConfig"),
            Map.entry("password_config", "PasswordConfig"), Map.entry("custom_welcome_email", "CustomWelcomeEmail"),
            Map.entry("internal_help_resources_content", "InternalHelpResourcesContent"),
            Map.entry("digest_emails_enabled", "DigestEmails"), Map.entry("cloud_storage", "BackupConfiguration"));
    /** Settings that name the instance itself: copying them into another Looker would point it at the old one. */
    private static final List<String> OWN_IDENTITY = List.of("host_url", "managed_certificate_uri");
    private final String type;

    SingletonRestorer(String type) {
        this.type = type;
    }

    static List<String> schemaRoots() {
        return List.copyOf(SCHEMAS.values());
    }

    private boolean auth() {
        return type.endsWith("_config");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public io.lookervault.looker.ContentType source() {
        return io.lookervault.looker.ContentType.fromKey(type).orElseThrow();
    }

    @Override
    public JsonNode findExisting(JsonNode sourceDoc, RestoreContext ctx) {
        return null; // never referenced by id
    }

    @Override
    public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        List<String> notes = new ArrayList<>();
        String schema = SCHEMAS.get(sourceId);
        if (schema == null) {
            notes.add("no singleton " + sourceId + " is known to this version; skipped");
            return new Outcome(type, sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
        }
        String path = "/" + sourceId;
        JsonNode dest = ctx.dest.get(path, Map.of());
        ObjectNode body = ctx.write.body(schema, doc);
        if (!ctx.sameInstance) {
            OWN_IDENTITY.forEach(body::remove);
        }
        JsonNode have = dest;
        if (auth()) {
            mappings(body, doc, ctx, notes);
            have = comparable(dest);
            if (body.path("enabled").asBoolean(false) && !dest.path("enabled").asBoolean(false) && !ctx.enableAuth) {
                body.remove("enabled");
                notes.add("left disabled: rerun with --enable-auth once the identity provider knows this Looker");
            }
        }
        List<String> fields = JsonFields.diff(normalized(body), normalized(have));
        // a secret is sent with a change (or where the has_* flag says it is missing), never compared
        // (or, one without a flag, where no restore recorded sending it to this Looker: SecretNeeds.Flagless)
        List<String> secrets = SecretNeeds.apply(type, sourceId, doc, fields.isEmpty() ? dest : null, body,
                ctx.secrets, SecretNeeds.flagless(type) ? ctx.flagless(type, sourceId, !fields.isEmpty())
                        : SecretNeeds.Flagless.NEVER, notes);
        secrets.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        if (ctx.dryRun) {
            JsonNode before = have;
            // the plan says what each field would become; secrets only as set/unset (their notes above)
            fields.stream().filter(f -> !SecretNeeds.SECRET_KEYS.contains(f) && !secrets.contains(f))
                    .forEach(f -> notes.add(f + ": " + FieldValues.show(before.get(f)) + " -> " + FieldValues.show(body.get(f))));
        }
        if (!fields.isEmpty() && !ctx.dryRun) {
            ObjectNode changed = body.objectNode();
            fields.forEach(f -> changed.set(f.split("\\.")[0], body.get(f.split("\\.")[0])));
            ctx.dest.patch(path, changed);
        }
        ctx.ids.map(type, sourceId, sourceId);
        return new Outcome(type, sourceId, sourceId, fields.isEmpty() ? Outcome.Action.UNCHANGED : Outcome.Action.UPDATE,
                fields, notes, ctx.dryRun ? List.of() : secrets);
    }

    /** Group→role and attribute mappings and the defaults for new users, in destination ids. */
    private static void mappings(ObjectNode body, JsonNode doc, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        for (JsonNode g : body.withArray("groups_with_role_ids")) {
            ObjectNode o = (ObjectNode) g;
            o.remove("id"); // the provider group's id in the source: the destination names its own
            o.set("role_ids", ids(o.path("role_ids"), "roles", "group " + JsonFields.text(o, "name"), ctx, notes));
        }
        for (JsonNode a : body.withArray("user_attributes_with_ids")) {
            ObjectNode o = (ObjectNode) a;
            o.set("user_attribute_ids", ids(o.path("user_attribute_ids"), "user_attributes",
                    "attribute " + JsonFields.text(o, "name"), ctx, notes));
        }
        body.set("default_new_user_role_ids", ids(idsOf(doc.path("default_new_user_roles")), "roles",
                "default role", ctx, notes));
        body.set("default_new_user_group_ids", ids(idsOf(doc.path("default_new_user_groups")), "groups",
                "default group", ctx, notes));
    }

    private static ArrayNode ids(JsonNode source, String refType, String what, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ArrayNode out = BackupSnapshot.JSON.createArrayNode();
        for (JsonNode id : source) {
            String d = ctx.ids.ref(refType, id);
            if (d == null) {
                notes.add(what + ": " + refType + " " + id.asText() + " not at the destination; left out");
            } else {
                out.add(d);
            }
        }
        return out;
    }

    private static ArrayNode idsOf(JsonNode objects) {
        ArrayNode out = BackupSnapshot.JSON.createArrayNode();
        objects.forEach(o -> out.add(o.path("id").asText()));
        return out;
    }

    /** The destination as the body sees it: its default roles and groups as the write-only id lists. */
    private static JsonNode comparable(JsonNode dest) {
        ObjectNode c = dest.deepCopy();
        c.set("default_new_user_role_ids", idsOf(dest.path("default_new_user_roles")));
        c.set("default_new_user_group_ids", idsOf(dest.path("default_new_user_groups")));
        return c;
    }

    /** Mapping lists compared as sets: Looker answers them in its own order. */
    private static ObjectNode normalized(JsonNode doc) {
        ObjectNode c = doc.deepCopy();
        for (String f : List.of("default_new_user_role_ids", "default_new_user_group_ids")) {
            if (c.get(f) instanceof ArrayNode a) {
                c.set(f, sorted(a));
            }
        }
        for (String f : List.of("groups_with_role_ids", "user_attributes_with_ids")) {
            if (c.get(f) instanceof ArrayNode a) {
                List<JsonNode> items = new ArrayList<>();
                a.forEach(i -> {
                    ObjectNode o = i.deepCopy();
                    o.remove("id");
                    o.remove("url");
                    o.remove("looker_group_id");
                    for (String ids : List.of("role_ids", "user_attribute_ids")) {
                        if (o.get(ids) instanceof ArrayNode x) {
                            o.set(ids, sorted(x));
                        }
                    }
                    items.add(o);
                });
                items.sort(java.util.Comparator.comparing(JsonNode::toString));
                ArrayNode out = BackupSnapshot.JSON.createArrayNode();
                items.forEach(out::add);
                c.set(f, out);
            }
        }
        return c;
    }

    private static ArrayNode sorted(ArrayNode a) {
        List<String> v = new ArrayList<>();
        a.forEach(x -> v.add(x.asText()));
        v.sort(BackupSnapshot::compareIds);
        ArrayNode out = BackupSnapshot.JSON.createArrayNode();
        v.forEach(out::add);
        return out;
    }
}
