package io.lookervault.restore;

import io.lookervault.looker.ApiPath;
import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ConflictException;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users matched by email. email, role_ids and group_ids are read-only on User (NOTES §5), so they are
 * restored through credentials_email, set_user_roles and add_group_user; attribute values the user set
 * themselves ({@code source == "user"}) are set again. Stateless and thread-safe.
 */
final class UserRestorer extends BaseRestorer {
    UserRestorer() {
        super(ContentType.USERS);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        String email = email(doc);
        return email == null ? null : search(ctx, "/users/search", "email", email);
    }

    /** Notes the newest destination user before this run's first user create, so a lost create adopts only a newer one. */
    @Override
    JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        long newestBefore = ctx.facts.newestUserBeforeCreates();
        return ctx.dest.create(contentType.collectionPath(), body, () -> findCreated(body, ctx, newestBefore));
    }

    /**
     * A user is created without its email (credentials come by their own endpoint), so a user whose create
     * answer was lost is the newest one with the same names and no email credential yet, and only if it was made
     * after this run began creating users (its id above the newest one then: Looker's user ids grow). An older
     * user with the same names (an SSO-only account has no email login either) is someone else's: adopting it would
     * hand the source user's email login and roles to that person, so the create is sent again instead.
     */
    static JsonNode findCreated(ObjectNode body, RestoreContext ctx, long newestBefore) throws LookerException, InterruptedException {
        Map<String, String> q = new java.util.HashMap<>();
        for (String f : new String[] {"first_name", "last_name"}) {
            if (JsonFields.text(body, f) != null) {
                q.put(f, JsonFields.text(body, f)); // LIKE wildcards in a name only widen the search; matched exactly below
            }
        }
        if (q.isEmpty()) {
            // a user without names has nothing of its own to be found by: adopting "any user without an email
            // login" could take over someone else's account, so the create is sent again instead
            return null;
        }
        JsonNode newest = null;
        for (JsonNode u : ctx.dest.get("/users/search", q)) {
            boolean sameNames = java.util.Objects.equals(JsonFields.text(u, "first_name"), JsonFields.text(body, "first_name"))
                    && java.util.Objects.equals(JsonFields.text(u, "last_name"), JsonFields.text(body, "last_name"));
            boolean noEmail = u.path("credentials_email").isNull() || u.path("credentials_email").isMissingNode();
            boolean madeSince = idOrder(u) > newestBefore;
            if (sameNames && noEmail && madeSince && (newest == null || idOrder(u) > idOrder(newest))) {
                newest = u;
            }
        }
        return newest;
    }

    /** A user id as a number for ordering; a non-numeric id is never "newer" than anything. */
    static long idOrder(JsonNode user) {
        return idOrder(user.path("id").asText());
    }

    static long idOrder(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String email(JsonNode doc) {
        String e = JsonFields.text(doc.path("credentials_email"), "email");
        return e != null ? e : JsonFields.text(doc, "email");
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) {
        ObjectNode b = ctx.write.body("User", doc);
        // credentials are restored by their own endpoint; the home folder may not exist yet (folders come later)
        List<String> drop = new ArrayList<>();
        b.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("credentials_") || f.equals("home_folder_id")) {
                drop.add(f);
            }
        });
        b.remove(drop);
        return b;
    }

    @Override
    List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        List<String> parts = new ArrayList<>();
        String email = email(doc);
        if (email != null && (dest == null || dest.path("credentials_email").isNull()
                || dest.path("credentials_email").isMissingNode())) {
            parts.add("credentials_email");
            if (!ctx.dryRun) {
                emailLogin(destId, email, ctx);
            }
        }
        parts.addAll(roles(doc, destId, dest, ctx, notes));
        parts.addAll(groups(doc, destId, dest, ctx, notes));
        parts.addAll(attributeValues(doc, destId, ctx, notes));
        apiKeysToReissue(doc, dest, notes);
        return parts;
    }

    /**
     * Gives the user their email login. A retried POST whose first answer was lost (the login was made) meets
     * 409 "already has email credentials": the login there with the same email is this restore's own.
     */
    private void emailLogin(String destId, String email, RestoreContext ctx) throws LookerException, InterruptedException {
        String path = contentType.subPath(destId, "credentials_email");
        try {
            ctx.dest.post(path, BackupSnapshot.JSON.createObjectNode().put("email", email));
        } catch (ConflictException e) {
            JsonNode have = ctx.dest.getOrNull(path);
            if (have == null || !email.equalsIgnoreCase(JsonFields.text(have, "email"))) {
                throw e;
            }
        }
    }

    /**
     * API3 keys are backed up as metadata only (Looker never returns a client secret), so a key the destination
     * user lacks cannot be restored: the report names the keys for the admin to issue again.
     */
    static void apiKeysToReissue(JsonNode doc, JsonNode dest, List<String> notes) {
        Set<String> there = new HashSet<>();
        if (dest != null) {
            dest.path("credentials_api3").forEach(k -> there.add(k.path("client_id").asText()));
        }
        List<String> missing = new ArrayList<>();
        doc.path("credentials_api3").forEach(k -> {
            String clientId = k.path("client_id").asText();
            if (!clientId.isEmpty() && !there.contains(clientId)) {
                missing.add(clientId);
            }
        });
        if (!missing.isEmpty()) {
            notes.add(missing.size() + " API key(s) not restorable (Looker never returns their secrets): issue new "
                    + "API3 keys for this user in place of client_id " + String.join(", ", missing));
        }
    }

    /** Sets the user's home folder (translated), after the folders step. */
    static List<String> homeFolder(JsonNode doc, String destId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        String home = JsonFields.text(doc, "home_folder_id");
        if (home == null) {
            return List.of();
        }
        String dest = ctx.ids.ref("folders", home);
        if (dest == null) {
            notes.add("home folder " + home + " not at the destination");
            return List.of();
        }
        JsonNode user = ctx.dest.get(ContentType.USERS.getPath(destId), Map.of("fields", "id,home_folder_id"));
        if (dest.equals(JsonFields.text(user, "home_folder_id"))) {
            return List.of();
        }
        if (!ctx.dryRun) {
            ctx.dest.patch(ContentType.USERS.getPath(destId), BackupSnapshot.JSON.createObjectNode().put("home_folder_id", dest));
        }
        return List.of("home_folder_id");
    }

    private List<String> roles(JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Set<String> want = translated(doc.path("role_ids"), "roles", ctx, notes);
        Set<String> have = new HashSet<>();
        if (dest != null) {
            dest.path("role_ids").forEach(r -> have.add(r.asText()));
        }
        if (want.size() < doc.path("role_ids").size()) {
            // the PUT sets the exact list: with a role missing, it would strip roles for a failure elsewhere
            want.addAll(have);
            notes.add("roles only added, none removed: a role of the backup is not at the destination");
        }
        if (want.equals(have)) {
            return List.of();
        }
        if (!ctx.dryRun) {
            ArrayNode ids = BackupSnapshot.JSON.createArrayNode();
            want.stream().sorted(BackupSnapshot::compareIds).forEach(ids::add);
            ctx.dest.put(contentType.subPath(destId, "roles"), ids);
        }
        return List.of("role_ids");
    }

    /**
     * Makes the user's groups those of the backup: joins the missing ones, and leaves groups the backup knows
     * but did not list the user in (an undo of "added to the wrong group"). Groups the backup does not know
     * (made at the destination, or after the backup) and groups managed by LDAP/SAML are left alone.
     */
    private List<String> groups(JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Set<String> have = new HashSet<>();
        if (dest != null) {
            dest.path("group_ids").forEach(r -> have.add(r.asText()));
        }
        Set<String> want = translated(doc.path("group_ids"), "groups", ctx, notes);
        boolean changed = false;
        for (String g : want) {
            if (!have.contains(g)) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.post(ApiPath.of("groups", g, "users"), BackupSnapshot.JSON.createObjectNode().put("user_id", destId));
                }
            }
        }
        Set<String> known = ctx.facts.managedGroups(() -> managedGroups(ctx));
        if (want.size() < doc.path("group_ids").size()) {
            notes.add("groups only joined, none left: a group of the backup is not at the destination");
            known = Set.of();
        }
        for (String g : have) {
            if (!want.contains(g) && known.contains(g)) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.delete(ApiPath.of("groups", g, "users", destId));
                }
            }
        }
        return changed ? List.of("group_ids") : List.of();
    }

    /** Destination ids of the backup's groups whose members the API may change (not externally managed). */
    private static Set<String> managedGroups(RestoreContext ctx) throws LookerException, InterruptedException {
        Set<String> out = new HashSet<>();
        for (String id : ctx.source.ids("groups")) {
            JsonNode g = ctx.source.doc("groups", id).orElse(null);
            if (g == null || g.path("externally_managed").asBoolean(false)) {
                continue;
            }
            String d = ctx.ids.ref("groups", id);
            if (d != null) {
                out.add(d);
            }
        }
        return Set.copyOf(out);
    }

    private List<String> attributeValues(JsonNode doc, String destId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode have = destId == null ? BackupSnapshot.JSON.createArrayNode()
                : ctx.dest.get(contentType.subPath(destId, "attribute_values"), Map.of());
        boolean changed = false;
        for (JsonNode v : doc.path("_lookervault").path("attribute_values")) {
            if (!"user".equals(JsonFields.text(v, "source"))) {
                continue;
            }
            String attr = ctx.ids.ref("user_attributes", v.path("user_attribute_id"));
            if (attr == null) {
                notes.add("attribute " + v.path("name").asText() + " not at the destination");
                continue;
            }
            JsonNode current = null;
            for (JsonNode h : have) {
                if (attr.equals(h.path("user_attribute_id").asText()) && "user".equals(JsonFields.text(h, "source"))) {
                    current = h;
                }
            }
            if (current == null || !JsonFields.same(v.path("value"), current.path("value"))) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(path(destId) + ApiPath.of("attribute_values", attr),
                            BackupSnapshot.JSON.createObjectNode().set("value", v.path("value")));
                }
            }
        }
        return changed ? List.of("attribute_values") : List.of();
    }

    private static Set<String> translated(JsonNode ids, String type, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        Set<String> out = new HashSet<>();
        for (JsonNode id : ids) {
            String d = ctx.ids.ref(type, id.asText());
            if (d == null) {
                notes.add(type + " " + id.asText() + " not at the destination");
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
