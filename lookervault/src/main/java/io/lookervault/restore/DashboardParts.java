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

    /**
     * Restores filters and elements; fills {@code map} with source element id → destination element id and
     * returns whether the filters and whether the elements changed. The filters and every tile's query go at the
     * same time ({@link ItemParts}); the elements follow, since a tile's listens name its dashboard's filters.
     * New elements are created one after another in the source's order (their ids, and so the destination's
     * element order, follow it); updates of existing elements and deletes of extra ones go at the same time.
     */
    boolean[] filtersAndElements(JsonNode srcFilters, JsonNode destFilters, JsonNode source, JsonNode dest,
                                 Map<String, String> map) throws LookerException, InterruptedException {
        // matching is local and in order: an element taken by one source element is not matched again
        Set<String> kept = new HashSet<>();
        List<Tile> tiles = new ArrayList<>();
        for (JsonNode e : source) {
            JsonNode have = match(e, dest, kept);
            if (have != null) {
                kept.add(have.path("id").asText());
            }
            tiles.add(new Tile(e, have));
        }
        List<ItemParts.Part<Boolean>> first = new ArrayList<>();
        first.add(() -> filters(srcFilters, destFilters));
        for (Tile t : tiles) {
            first.add(() -> {
                t.body = body(t.e, t.have, t.notes);
                return Boolean.TRUE;
            });
        }
        boolean filtersChanged = ctx.parts.all(first).get(0);
        boolean changed = false;
        List<ItemParts.Part<Object>> updates = new ArrayList<>();
        for (Tile t : tiles) {
            notes.addAll(t.notes);
            String srcId = t.e.path("id").asText();
            ObjectNode b = t.body;
            if (t.have == null) {
                changed = true;
                if (!ctx.dryRun) {
                    b.put("dashboard_id", dashboardId);
                    String id = ctx.dest.post("/dashboard_elements", b).path("id").asText();
                    map.put(srcId, id);
                    ctx.ids.map("dashboard_elements", srcId, id);
                }
                continue;
            }
            String id = t.have.path("id").asText();
            map.put(srcId, id);
            ctx.ids.map("dashboard_elements", srcId, id);
            if (!JsonFields.diff(b, t.have).isEmpty()) {
                changed = true;
                if (!ctx.dryRun) {
                    updates.add(() -> ctx.dest.patch(ApiPath.of("dashboard_elements", id), b));
                }
            }
        }
        changed |= others(dest, kept, "dashboard_elements", updates);
        ctx.parts.all(updates);
        return new boolean[] {filtersChanged, changed};
    }

    /** One source element with the destination element it matched (null: to create) and its write body. */
    private static final class Tile {
        final JsonNode e;
        final JsonNode have;
        /** What restoring this tile noted, added to the item's notes in the source's order. */
        final List<String> notes = new ArrayList<>();
        ObjectNode body;

        Tile(JsonNode e, JsonNode have) {
            this.e = e;
            this.have = have;
        }
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

    private ObjectNode body(JsonNode e, JsonNode have, List<String> notes) throws LookerException, InterruptedException {
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

    /** Brings a layout's components in line; their updates go at the same time. */
    private boolean components(JsonNode source, JsonNode dest, Map<String, String> elements)
            throws LookerException, InterruptedException {
        boolean changed = false;
        List<ItemParts.Part<Object>> updates = new ArrayList<>();
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
                    String id = have.path("id").asText();
                    updates.add(() -> ctx.dest.patch(ApiPath.of("dashboard_layout_components", id), b));
                }
            }
        }
        ctx.parts.all(updates);
        return changed;
    }

    /**
     * Deletes the destination's parts the backup lacks, one after another on the calling thread: it runs as a part
     * itself (the filters), and a part waiting for parts on the same pool could wait forever.
     */
    private boolean deleteOthers(JsonNode dest, Set<String> kept, String collection)
            throws LookerException, InterruptedException {
        List<ItemParts.Part<Object>> deletes = new ArrayList<>();
        boolean changed = others(dest, kept, collection, deletes);
        for (ItemParts.Part<Object> d : deletes) {
            d.call();
        }
        return changed;
    }

    /** Adds the deletes of the destination's parts the backup lacks to {@code out}; returns whether there are any. */
    private boolean others(JsonNode dest, Set<String> kept, String collection, List<ItemParts.Part<Object>> out) {
        boolean changed = false;
        for (JsonNode d : dest) {
            String id = d.path("id").asText();
            if (!kept.contains(id)) {
                changed = true;
                if (!ctx.dryRun) {
                    out.add(() -> {
                        ctx.dest.delete(ApiPath.of(collection, id));
                        return null;
                    });
                }
            }
        }
        return changed;
    }
}
