package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ConflictException;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The create-or-update sequence every type shares: build the write body (writable fields, references
 * translated), find the destination item, create it or patch only the fields that differ, then restore its
 * parts and memberships. Stateless and thread-safe.
 */
abstract class BaseRestorer implements TypeRestorer {
    private final String type;
    final ContentType contentType;

    BaseRestorer(ContentType contentType) {
        this.contentType = contentType;
        this.type = contentType.key();
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public ContentType source() {
        return contentType;
    }

    /** The write body: writable fields of the backed-up item with references translated. */
    abstract ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException;

    /** Items that are matched and mapped but never written (built-ins, system attributes, root folders). */
    boolean readOnlyAtDestination(JsonNode doc) {
        return false;
    }

    /** The destination document as the body's fields see it (e.g. a role's nested sets as ids). */
    JsonNode comparable(JsonNode dest) {
        return dest;
    }

    JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        return ctx.dest.create(contentType.collectionPath(), body, () -> findCreated(doc, body, ctx));
    }

    /**
     * The item a create whose answer was lost made, if it is there: by default the item found by natural key.
     * Types whose natural key is written after the create (a user's email) override this.
     */
    JsonNode findCreated(JsonNode doc, ObjectNode body, RestoreContext ctx) throws LookerException, InterruptedException {
        return findExisting(doc, ctx);
    }

    void update(String destId, ObjectNode changed, ObjectNode full, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ctx.dest.patch(path(destId), changed);
    }

    /** Restores parts and memberships; returns the names of the parts that changed (or would). */
    List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        return List.of();
    }

    /**
     * In a dry run: why writing {@code body} would collide with another destination item (for example a slug
     * another dashboard holds), or null. The plan then says {@code conflict} for the item.
     */
    String conflict(ObjectNode body, JsonNode dest, RestoreContext ctx) throws LookerException, InterruptedException {
        return null;
    }

    String path(String id) {
        return contentType.getPath(id);
    }

    /** The destination document with its id in {@code id} (types keyed by {@code name} or {@code tunnel_id} copy it). */
    JsonNode keyed(JsonNode dest) {
        return dest;
    }

    @Override
    public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        return restore(sourceId, doc, ctx, new ArrayList<>());
    }

    private Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        // what is matched, never written, is found by what makes it itself (a personal folder by its owner, a root
        // by its flag), not by an old id: a destination rebuilt at the same URL may have given that id to another
        // user's folder
        boolean matchOnly = readOnlyAtDestination(doc);
        JsonNode dest = keyed(matchOnly ? findExisting(doc, ctx) : ctx.ids.locate(contentType, sourceId, doc));
        if (matchOnly) {
            return matchOnly(sourceId, doc, dest, ctx, notes);
        }
        ObjectNode body = body(doc, ctx, notes);
        // write-only secrets are never compared: sent on create, or where the destination's has_* flag lacks one;
        // one without a flag when the object is written anyway or no restore recorded sending it there
        // (asked only of the few types that have one: no vault read, no second diff for content items)
        SecretNeeds.Flagless flagless = dest == null || !SecretNeeds.flagless(type) ? SecretNeeds.Flagless.NEVER
                : ctx.flagless(type, dest.path("id").asText(), !JsonFields.diff(body, comparable(dest)).isEmpty());
        List<String> secrets = SecretNeeds.apply(type, sourceId, doc, dest, body, ctx.secrets, flagless, notes);
        Outcome.Action action;
        List<String> fields = new ArrayList<>();
        if (dest == null && !contentType.creatable()) {
            // datagroups come with their LookML project, integrations with their hub: the API cannot create them
            notes.add("not at the destination, and Looker makes it only from its " + (contentType == ContentType.DATAGROUPS
                    ? "LookML project (deploy the project, then restore again)" : "source (restore it first)"));
            return new Outcome(type, sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
        }
        if (dest == null) {
            action = Outcome.Action.CREATE;
            body.fieldNames().forEachRemaining(fields::add);
            if (ctx.dryRun) {
                return planned(action, body, null, sourceId, null, fields, notes, ctx);
            }
            long ticket = ctx.ids.beginCreate(type);
            try {
                dest = keyed(createOrAdopt(doc, body, ctx, notes));
                if (dest != null) {
                    ctx.ids.map(type, sourceId, dest.path("id").asText());
                }
            } finally {
                ctx.ids.endCreate(type, ticket);
            }
            if (dest == null) {
                return restore(sourceId, doc, ctx, notes);
            }
        } else {
            fields.addAll(updateChanged(body, dest, ctx, notes));
            action = fields.isEmpty() ? Outcome.Action.UNCHANGED : Outcome.Action.UPDATE;
        }
        String destId = dest.path("id").asText();
        List<String> parts = after(sourceId, doc, destId, dest, ctx, notes);
        if (!parts.isEmpty() && action == Outcome.Action.UNCHANGED) {
            action = Outcome.Action.UPDATE;
        }
        if (action != Outcome.Action.CREATE) {
            fields.addAll(parts);
        }
        return ctx.dryRun ? planned(action, body, dest, sourceId, destId, fields, notes, ctx)
                : new Outcome(type, sourceId, destId, action, fields, notes, secrets);
    }

    /** Built-ins and system items: mapped to their destination twin, never written (their parts may be). */
    private Outcome matchOnly(String sourceId, JsonNode doc, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        if (dest == null) {
            notes.add("not present at the destination and not creatable (built-in or system)");
            return new Outcome(type, sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
        }
        String destId = dest.path("id").asText();
        ctx.ids.map(type, sourceId, destId);
        List<String> parts = after(sourceId, doc, destId, dest, ctx, notes);
        return new Outcome(type, sourceId, destId, parts.isEmpty() ? Outcome.Action.SKIPPED
                : Outcome.Action.UPDATE, parts, notes);
    }

    /**
     * Creates the item; null when the create met the item itself (a retried create whose first answer was lost
     * to a reset or a 5xx after the commit), which is then found by natural key and updated instead.
     */
    private JsonNode createOrAdopt(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        try {
            return create(doc, body, ctx, notes);
        } catch (ConflictException e) {
            // by natural key, as the restore that follows finds it (a user's lost create is caught before: LookerApi.create)
            if (findExisting(doc, ctx) == null) {
                throw e;
            }
            notes.add("already there (an earlier attempt's answer was lost): updated instead");
            return null;
        }
    }

    /** Sends only the fields that differ; returns their names. */
    private List<String> updateChanged(ObjectNode body, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        List<String> fields = JsonFields.diff(body, comparable(dest));
        if (!fields.isEmpty() && !ctx.dryRun) {
            ObjectNode changed = body.objectNode();
            fields.forEach(f -> changed.set(f, body.get(f)));
            update(dest.path("id").asText(), changed, body, ctx, notes);
        }
        return fields;
    }

    private Outcome planned(Outcome.Action action, ObjectNode body, JsonNode dest, String sourceId, String destId,
                            List<String> fields, List<String> notes, RestoreContext ctx)
            throws LookerException, InterruptedException {
        String why = action == Outcome.Action.UNCHANGED ? null : conflict(body, dest, ctx);
        if (why != null) {
            notes.add(why);
            action = Outcome.Action.CONFLICT;
        }
        return new Outcome(type, sourceId, destId, action, fields, notes);
    }

    /** The first item of a search answer whose {@code field} equals {@code value} exactly (search is LIKE). */
    static JsonNode exact(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value != null && value.equals(JsonFields.text(n, field))) {
                return n;
            }
        }
        return null;
    }

    static JsonNode search(RestoreContext ctx, String path, String field, String value)
            throws LookerException, InterruptedException {
        if (value == null) {
            return null;
        }
        // search matches LIKE-style (% and _ are wildcards, case-insensitive): a wider answer, filtered exactly
        return exact(ctx.dest.get(path, Map.of(field, value)), field, value);
    }

    /** Sets a translated reference, or drops the field (with a note) when the target is not at the destination. */
    static void translate(ObjectNode body, String field, String refType, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        String dest = ctx.ids.ref(refType, v.asText());
        if (dest == null) {
            body.remove(field);
            notes.add(field + " " + v.asText() + ": " + refType + " not at the destination; left unset");
        } else {
            body.put(field, dest);
        }
    }
}
