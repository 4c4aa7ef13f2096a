package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.BadRequestException;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.ContentType;
import java.util.List;
import java.util.Map;

/**
 * LookML projects and their git settings, by project id. Looker creates and configures projects only in the
 * dev workspace, so writes switch the API session to dev and back. The project writes in progress share the
 * run's {@link DevWindow} (the first switches to dev, the last back to production), and no other step runs while
 * this one does. A new project with an SSH remote
 * gets a new deploy key, printed for the admin to install; until then Looker refuses the remote, which is
 * reported, and a later restore sets it.
 */
final class ProjectRestorer extends BaseRestorer {
    /** Git settings Looker checks against the remote when they change. */
    private static final List<String> GIT_REMOTE = List.of("git_remote_url", "git_service_name");

    ProjectRestorer() {
        super(ContentType.PROJECTS);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        return exact(ctx.dest.get("/projects", Map.of()), "id", JsonFields.text(doc, "id"));
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) {
        ObjectNode b = ctx.write.body("Project", doc);
        // read back as "" or absent on a project without them; only an explicit value means something
        b.remove("unset_deploy_secret");
        b.remove("dependency_status");
        return b;
    }

    @Override
    boolean readOnlyAtDestination(JsonNode doc) {
        return doc.path("is_example").asBoolean(false);
    }

    @Override
    JsonNode create(JsonNode doc, ObjectNode body, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ctx.devWindow.enter();
        try {
            ObjectNode first = body.objectNode().put("name", JsonFields.text(doc, "id"));
            JsonNode made = ctx.dest.create(contentType.collectionPath(), first, () -> findExisting(doc, ctx));
            String id = JsonFields.text(made, "id");
            String remote = JsonFields.text(body, "git_remote_url");
            if (remote != null && !remote.startsWith("http")) {
                JsonNode key = ctx.dest.post(path(id) + "/git/deploy_key", null);
                notes.add("deploy key regenerated: install it (with write access) at " + remote + ": "
                        + key.asText().strip());
            }
            ObjectNode rest = body.deepCopy();
            rest.remove("name");
            return rest.isEmpty() ? made : configure(id, rest, notes, ctx);
        } finally {
            ctx.devWindow.leave();
        }
    }

    @Override
    void update(String destId, ObjectNode changed, ObjectNode full, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        ctx.devWindow.enter();
        try {
            configure(destId, changed, notes, ctx);
        } finally {
            ctx.devWindow.leave();
        }
    }

    /** Patches the settings; a remote Looker cannot reach yet (no deploy key installed) is left for a later run. */
    private JsonNode configure(String id, ObjectNode fields, List<String> notes, RestoreContext ctx)
            throws LookerException, InterruptedException {
        try {
            return ctx.dest.patch(path(id), fields);
        } catch (BadRequestException e) {
            if (GIT_REMOTE.stream().noneMatch(fields::has)) {
                throw e;
            }
            ObjectNode without = fields.deepCopy();
            GIT_REMOTE.forEach(without::remove);
            notes.add("git remote not set: Looker could not use " + JsonFields.text(fields, "git_remote_url") + " ("
                    + e.getMessage() + "); install the deploy key there, then restore projects again");
            return without.isEmpty() ? ctx.dest.get(path(id), Map.of()) : ctx.dest.patch(path(id), without);
        }
    }
}
