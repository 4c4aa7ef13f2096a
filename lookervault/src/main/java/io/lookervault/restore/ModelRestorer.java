package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.ContentType;
import java.util.ArrayList;
import java.util.List;

/**
 * LookML model configurations (which project a model comes from and which connections it may use): without
 * one, the looks and dashboards of that model cannot run at the destination. A model is identified by its
 * name, on every instance, so it is matched by name, created when missing, and only differing writable fields
 * are updated. The LookML itself lives in the project's git repository, not in the API.
 */
final class ModelRestorer implements TypeRestorer {
    private static final ContentType TYPE = ContentType.LOOKML_MODELS;

    @Override
    public String type() {
        return TYPE.key();
    }

    @Override
    public ContentType source() {
        return TYPE;
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        String name = JsonFields.text(doc, "name");
        return name == null ? null : ctx.dest.getOrNull(TYPE.getPath(name));
    }

    @Override
    public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        ObjectNode body = ctx.write.body("LookmlModel", doc);
        List<String> notes = new ArrayList<>();
        JsonNode dest = findExisting(doc, ctx);
        if (dest == null) {
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            if (!ctx.dryRun) {
                ctx.dest.create(TYPE.collectionPath(), body, () -> findExisting(doc, ctx));
                ctx.ids.map(type(), sourceId, sourceId);
            }
            notes.add("its project " + JsonFields.text(doc, "project_name") + " must be deployed at the destination");
            return new Outcome(type(), sourceId, sourceId, Outcome.Action.CREATE, fields, notes);
        }
        ctx.ids.map(type(), sourceId, sourceId);
        List<String> fields = JsonFields.diff(body, dest);
        if (!fields.isEmpty() && !ctx.dryRun) {
            ObjectNode changed = body.objectNode();
            fields.forEach(f -> changed.set(f, body.get(f)));
            ctx.dest.patch(TYPE.getPath(sourceId), changed);
        }
        return new Outcome(type(), sourceId, sourceId, fields.isEmpty() ? Outcome.Action.UNCHANGED
                : Outcome.Action.UPDATE, fields, notes);
    }
}
