package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import io.lookervault.looker.ApiPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ConflictException;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of one dashboard: filters (matched by name), elements (by id map, same id, then title and type in
 * order) and layouts with components (active with active, then in order; components by their element).
 * Matching parts are updated in place, missing ones created, and only parts the backup lacks deleted.
 * Used by one thread for one dashboard.
 */
final class DashboardParts {
    private final RestoreContext ctx;
    private final String dashboardId;
    private final List<String> notes;
    /** The backed-up dashboard, whose {@code _lookervault} key holds the merge queries of its tiles. */
    private final JsonNode source;

    DashboardParts(RestoreContext ctx, String dashboardId, List<String> notes, JsonNode source) {
        this.ctx = ctx;
        this.dashboardId = dashboardId;
        this.notes = notes;
        this.source = source;
    }

    boolean filters(JsonNode source, JsonNode dest) throws LookerException, InterruptedException {
        boolean changed = false;
        Set<String> kept = new HashSet<>();
        for (JsonNode f : source) {
            JsonNode have = BaseRestorer.exact(dest, "name", JsonFields.text(f, "name"));
            if (have == null) {
                changed = true;
                if (!ctx.dryRun) {
                    ObjectNode b = ctx.write.body("CreateDashboardFilter", f);
                    b.put("dashboard_id", dashboardId);
                    try {
                        ctx.dest.post("/dashboard_filters", b);
                    } catch (ConflictException e) {
                        // a retried create whose first answer was lost: the filter is there, bring it in line
                        have = BaseRestorer.exact(ctx.dest.get(ContentType.DASHBOARDS.subPath(dashboardId, "dashboard_filters"),
                                Map.of()), "name", JsonFields.text(f, "name"));
                        if (have == null) {
                            throw e;
                        }
                        ctx.dest.patch(ApiPath.of("dashboard_filters", have.path("id").asText()), filterBody(f));
                    }
                }
                continue;
            }
            kept.add(have.path("id").asText());
            ObjectNode b = filterBody(f);
            if (!JsonFields.diff(b, have).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(ApiPath.of("dashboard_filters", have.path("id").asText()), b);
                }
            }
        }
        return deleteOthers(dest, kept, "dashboard_filters") || changed;
    }

    private ObjectNode filterBody(JsonNode f) {
        ObjectNode b = ctx.write.body("DashboardFilter", f);
        b.remove("dashboard_id");
        return b;
    }

    /**
     * Deletes elements no source element maps to: a create retried after a lost answer leaves a twin.
     * Returns whether any were found.
     */
    boolean dropTwins(JsonNode current, Map<String, String> map) throws LookerException, InterruptedException {
        java.util.Set<String> wanted = new HashSet<>(map.values());
        boolean any = false;
        for (JsonNode e : current) {
            if (!wanted.contains(e.path("id").asText())) {
                any = true;
                ctx.dest.delete(ApiPath.of("dashboard_elements", e.path("id").asText()));
            }
        }
        return any;
    }

    /** Restores elements; fills {@code map} with source element id → destination element id. */
    boolean elements(JsonNode source, JsonNode dest, Map<String, String> map)
            throws LookerException, InterruptedException {
        boolean changed = false;
        Set<String> kept = new HashSet<>();
        for (JsonNode e : source) {
            String srcId = e.path("id").asText();
            JsonNode have = match(e, dest, kept);
            ObjectNode b = body(e, have);
            if (have == null) {
                changed = true;
                if (!ctx.dryRun) {
                    b.put("dashboard_id", dashboardId);
                    String id = ctx.dest.post("/dashboard_elements", b).path("id").asText();
                    map.put(srcId, id);
                    ctx.ids.map("dashboard_elements", srcId, id);
                }
                continue;
            }
            String id = have.path("id").asText();
            kept.add(id);
            map.put(srcId, id);
            ctx.ids.map("dashboard_elements", srcId, id);
            if (!JsonFields.diff(b, have).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(ApiPath.of("dashboard_elements", id), b);
                }
            }
        }
        return deleteOthers(dest, kept, "dashboard_elements") || changed;
    }

    private JsonNode match(JsonNode e, JsonNode dest, Set<String> taken) throws LookerException, InterruptedException {
        String srcId = e.path("id").asText();
        String mapped = ctx.ids.mapped("dashboard_elements", srcId).orElse(null);
        for (String want : new String[] {mapped, ctx.sameInstance ? srcId : null}) {
            for (JsonNode d : dest) {
                if (want != null && want.equals(d.path("id").asText()) && !taken.contains(want)) {
                    return d;
                }
            }
        }
        for (JsonNode d : dest) {
            String id = d.path("id").asText();
            if (!taken.contains(id) && JsonFields.same(e.path("title"), d.path("title"))
                    && JsonFields.same(e.path("type"), d.path("type"))) {
                return d;
            }
        }
        return null;
    }

    private ObjectNode body(JsonNode e, JsonNode have) throws LookerException, InterruptedException {
        ObjectNode b = ctx.write.body("DashboardElement", e);
        for (String f : List.of("look", "query", "result_maker", "result_maker_id", "dashboard_id",
                "dashboard_layout_id", "filter_id", "lookml_link_id")) {
            b.remove(f);
        }
        ObjectNode wiring = wiring(e);
        if (wiring != null) {
            b.set("result_maker", wiring);
        }
        BaseRestorer.translate(b, "look_id", "looks", ctx, notes);
        String q = QueryReuse.ensure(e.path("query"), have == null ? null : have.path("query"), ctx);
        if (q != null) {
            b.put("query_id", q);
        } else {
            b.remove("query_id");
        }
        if (b.hasNonNull("merge_result_id")) {
            String m = MergeQueries.ensure(e, have, source, ctx);
            if (m != null) {
                b.put("merge_result_id", m);
            } else {
                notes.add("element " + e.path("id").asText() + ": merged-result query "
                        + b.get("merge_result_id").asText() + " is not in the backup; left out");
                b.remove("merge_result_id");
            }
        }
        return b;
    }

    /**
     * The tile's listens to dashboard filters, as the only part of its result maker restore writes: one
     * filterable per query (per source query of a merged tile), each with its listen list (NOTES §5: Looker
     * takes them on write although the spec marks them read-only). Listens name filters by name, which is
     * unique per dashboard and kept by restore, so they need no translation; the filters are restored first.
     * Null for a tile without a result maker (text).
     */
    private ObjectNode wiring(JsonNode e) {
        JsonNode filterables = e.path("result_maker").path("filterables");
        if (!filterables.isArray()) {
            return null;
        }
        ObjectNode rm = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode out = rm.putArray("filterables");
        for (JsonNode f : filterables) {
            ObjectNode w = ctx.write.body("ResultMakerFilterables", f);
            if (!w.path("listen").isArray()) {
                w.putArray("listen");
            }
            out.add(w);
        }
        return rm;
    }

    boolean layouts(JsonNode source, JsonNode dest, Map<String, String> elements)
            throws LookerException, InterruptedException {
        boolean changed = false;
        Set<String> kept = new HashSet<>();
        List<JsonNode> free = new ArrayList<>();
        dest.forEach(free::add);
        for (JsonNode l : source) {
            JsonNode have = pickLayout(l, free);
            ObjectNode b = ctx.write.body("DashboardLayout", l);
            b.remove("dashboard_id");
            if (have == null) {
                changed = true;
                if (ctx.dryRun) {
                    continue;
                }
                b.put("dashboard_id", dashboardId);
                have = ctx.dest.post("/dashboard_layouts", b);
            } else if (!JsonFields.diff(b, have).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(ApiPath.of("dashboard_layouts", have.path("id").asText()), b);
                }
            }
            kept.add(have.path("id").asText());
            changed |= components(l.path("dashboard_layout_components"), componentsOf(have), elements);
        }
        for (JsonNode d : dest) {
            if (!kept.contains(d.path("id").asText()) && !d.path("active").asBoolean(false)) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.delete(ApiPath.of("dashboard_layouts", d.path("id").asText()));
                }
            }
        }
        return changed;
    }

    private JsonNode componentsOf(JsonNode layout) throws LookerException, InterruptedException {
        JsonNode c = layout.path("dashboard_layout_components");
        if (c.isArray()) {
            return c;
        }
        return ctx.dest.get(ApiPath.of("dashboard_layouts", layout.path("id").asText(), "dashboard_layout_components"), Map.of());
    }

    private static JsonNode pickLayout(JsonNode l, List<JsonNode> free) {
        boolean active = l.path("active").asBoolean(false);
        for (JsonNode d : free) {
            if (d.path("active").asBoolean(false) == active) {
                free.remove(d);
                return d;
            }
        }
        return null;
    }

    private boolean components(JsonNode source, JsonNode dest, Map<String, String> elements)
            throws LookerException, InterruptedException {
        boolean changed = false;
        for (JsonNode c : source) {
            String element = elements.get(c.path("dashboard_element_id").asText());
            JsonNode have = element == null ? null : BaseRestorer.exact(dest, "dashboard_element_id", element);
            if (have == null) {
                // an element a dry run would create has no component yet
                continue;
            }
            ObjectNode b = ctx.write.body("DashboardLayoutComponent", c);
            b.remove("dashboard_layout_id");
            b.remove("dashboard_element_id");
            if (!JsonFields.diff(b, have).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.patch(ApiPath.of("dashboard_layout_components", have.path("id").asText()), b);
                }
            }
        }
        return changed;
    }

    private boolean deleteOthers(JsonNode dest, Set<String> kept, String collection)
            throws LookerException, InterruptedException {
        boolean changed = false;
        for (JsonNode d : dest) {
            String id = d.path("id").asText();
            if (!kept.contains(id)) {
                changed = true;
                if (!ctx.dryRun) {
                    ctx.dest.delete(ApiPath.of(collection, id));
                }
            }
        }
        return changed;
    }
}
