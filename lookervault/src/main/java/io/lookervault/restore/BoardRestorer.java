package io.lookervault.restore;

import io.lookervault.looker.ApiPath;
import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Boards matched by title, then their sections and items matched by position (sections and items have
 * no natural key of their own), updated in place, created or deleted; the section and item orders are
 * translated to the destination ids last. Thread-safe.
 */
final class BoardRestorer extends BaseRestorer {
    BoardRestorer() {
        super(ContentType.BOARDS);
    }

    @Override
    public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
        JsonNode hit = search(ctx, contentType.listPath(), "title", JsonFields.text(doc, "title"));
        return hit == null ? null : ctx.dest.getOrNull(path(hit.path("id").asText()));
    }

    @Override
    ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
        ObjectNode b = ctx.write.body("Board", doc);
        b.remove("section_order");
        LookRestorer.owner(b, "user_id", doc, ctx, notes);
        return b;
    }

    @Override
    List<String> after(String sourceId, JsonNode doc, String destId, JsonNode dest, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        JsonNode have = dest.path("board_sections");
        java.util.Set<String> knownSections = ids(have);
        boolean changed = false;
        ArrayNode order = BackupSnapshot.JSON.createArrayNode();
        int i = 0;
        for (JsonNode s : doc.path("board_sections")) {
            JsonNode current = i < have.size() ? have.get(i) : null;
            i++;
            ObjectNode b = ctx.write.body("BoardSection", s);
            b.remove("item_order");
            b.put("board_id", destId);
            String sectionId;
            if (current == null) {
                changed = true;
                if (ctx.dryRun) {
                    continue;
                }
                sectionId = createPart(ctx, "/board_sections", b,
                        () -> ctx.dest.get(path(destId), Map.of()).path("board_sections"), knownSections);
            } else {
                sectionId = current.path("id").asText();
                if (!JsonFields.diff(b, current).isEmpty()) {
                    changed = true;
                    if (!ctx.dryRun) {
                        ctx.dest.patch(ApiPath.of("board_sections", sectionId), b);
                    }
                }
            }
            order.add(sectionId);
            changed |= items(s.path("board_items"), current == null ? null : current.path("board_items"), sectionId,
                    ctx, notes);
        }
        for (int k = i; k < have.size(); k++) {
            changed = true;
            if (!ctx.dryRun) {
                ctx.dest.delete(ApiPath.of("board_sections", have.get(k).path("id").asText()));
            }
        }
        if (!ctx.dryRun && !JsonFields.same(order, dest.path("section_order"))) {
            ctx.dest.patch(path(destId), BackupSnapshot.JSON.createObjectNode().set("section_order", order));
        }
        return changed ? List.of("sections") : List.of();
    }

    private boolean items(JsonNode source, JsonNode have, String sectionId, RestoreContext ctx, List<String> notes)
            throws LookerException, InterruptedException {
        boolean changed = false;
        List<JsonNode> current = new ArrayList<>();
        if (have != null && have.isArray()) {
            have.forEach(current::add);
        } else if (!ctx.dryRun && have != null) {
            ctx.dest.get("/board_items", Map.of("board_section_id", sectionId)).forEach(current::add);
        }
        java.util.Set<String> known = ids(current);
        int i = 0;
        for (JsonNode item : source) {
            ObjectNode b = ctx.write.body("BoardItem", item);
            b.put("board_section_id", sectionId);
            translate(b, "dashboard_id", "dashboards", ctx, notes);
            translate(b, "look_id", "looks", ctx, notes);
            JsonNode cur = i < current.size() ? current.get(i) : null;
            i++;
            if (cur == null) {
                changed = true;
                if (!ctx.dryRun) {
                    createPart(ctx, "/board_items", b,
                            () -> ctx.dest.get("/board_items", Map.of("board_section_id", sectionId)), known);
                }
            } else if (!JsonFields.diff(b, cur).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(ApiPath.of("board_items", cur.path("id").asText()), b);
                }
            }
        }
        for (int k = i; k < current.size(); k++) {
            changed = true;
            if (!ctx.dryRun) {
                ctx.dest.delete(ApiPath.of("board_items", current.get(k).path("id").asText()));
            }
        }
        return changed;
    }

    /** Lists a board's sections or a section's items at the destination. */
    @FunctionalInterface
    private interface Parts {
        JsonNode list() throws LookerException, InterruptedException;
    }

    /**
     * Creates a section or an item, which have no natural key: a create whose answer was lost (the part was made)
     * adopts the part it made, the one in the listing this restore did not know before that carries every field
     * sent, instead of making a twin. Returns the new part's id and adds it to {@code known}.
     */
    private static String createPart(RestoreContext ctx, String collection, ObjectNode body, Parts parts,
                                     java.util.Set<String> known) throws LookerException, InterruptedException {
        String id = ctx.dest.create(collection, body, () -> {
            for (JsonNode p : parts.list()) {
                if (!known.contains(p.path("id").asText())) {
                    return p;
                }
            }
            return null;
        }).path("id").asText();
        known.add(id);
        return id;
    }

    private static java.util.Set<String> ids(Iterable<JsonNode> parts) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        parts.forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }
}
