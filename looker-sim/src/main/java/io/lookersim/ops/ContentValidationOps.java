package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.gen.Models;
import io.lookersim.api.Api;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.store.Store;
import io.lookersim.store.ItemTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looker's content validator ({@code GET /content_validation}) over the simulator's own LookML catalogue: every
 * look's query, every dashboard tile's query (each source of a merged tile) and every dashboard filter is checked
 * for its model (in {@code lookml_models}), explore and fields; what does not resolve is an error on that item, in
 * the spec's {@code ContentValidation} shape. A read over every item: thread-safe.
 */
public final class ContentValidationOps extends OperationGroup {
    public ContentValidationOps(Store st, Views v) { super(st, v); }

    public void register(Api api) { api.on("content_validation", this::validate); }

    /** Counters of one run, and its memo: a query never changes under its id, so each is checked once. */
    private record Counts(int[] looks, int[] elements, int[] filters, java.util.Map<String, List<ObjectNode>> checked) {}

    private ApiResponse validate(ApiRequest r) {
        long start = System.nanoTime();
        Set<String> folders = split(r.q("space_ids")), projects = split(r.q("project_names"));
        ArrayNode errors = JsonNodes.arr();
        Counts c = new Counts(new int[1], new int[1], new int[1], new java.util.HashMap<>());
        for (long d : ids(st.dashboards)) {
            if (untouched(st.dashboards, d)) {
                // a generated dashboard is only built when it has errors: 10,000 items validate in about a second
                if (io.lookersim.store.Trash.baseTrashed(d) || folders != null && !folders.contains(s(st.plan.contentFolder(d)))) continue;
                dashboard(d, null, projects, errors, c);
                continue;
            }
            ObjectNode dash = st.dashboards.get(d);
            if (dash == null || dash.path("deleted").asBoolean() || !in(folders, dash)) continue;
            dashboard(d, dash, projects, errors, c);
        }
        for (long l : ids(st.looks)) {
            ObjectNode look = st.looks.get(l);
            if (look == null || look.path("deleted").asBoolean() || !in(folders, look)) continue;
            c.looks()[0]++;
            List<ObjectNode> found = check(JsonNodes.text(look, "query_id"), projects, c);
            if (!found.isEmpty()) {
                ObjectNode e = entry("look:" + l, found);
                e.set("look", JsonNodes.obj().put("id", JsonNodes.text(look, "id")).put("title", JsonNodes.text(look, "title"))
                        .put("short_url", "/x/" + l).set("folder", folder(look)));
                errors.add(e);
            }
        }
        ObjectNode out = JsonNodes.obj();
        out.set("content_with_errors", errors);
        out.put("computation_time", (System.nanoTime() - start) / 1e9).put("total_looks_validated", c.looks()[0])
                .put("total_dashboard_elements_validated", c.elements()[0]).put("total_dashboard_filters_validated", c.filters()[0])
                .put("total_scheduled_plans_validated", 0).put("total_alerts_validated", 0).put("total_explores_validated", explores());
        return one(r, Shaper.shape("ContentValidation", out));
    }

    /** One dashboard's tiles and filters; {@code dash} is null for an untouched generated one (built on error). */
    private void dashboard(long d, ObjectNode dash, Set<String> projects, ArrayNode errors, Counts c) {
        String id = s(d);
        for (long e : st.elements.children(id)) {
            c.elements()[0]++;
            List<ObjectNode> found = untouched(st.elements, e) ? generatedTile(e, projects, c) : tile(st.elements.get(e), projects, c);
            if (found.isEmpty()) continue;
            ObjectNode entry = entry("dashboard_element:" + e, found);
            entry.set("dashboard", dashboardRef(dash != null ? dash : st.dashboards.get(d)));
            entry.set("dashboard_element", st.elements.get(e).deepCopy());
            errors.add(entry);
        }
        filters(id, dash, d, projects, errors, c);
    }

    private List<ObjectNode> tile(ObjectNode el, Set<String> projects, Counts c) {
        List<ObjectNode> found = new ArrayList<>(check(JsonNodes.text(el, "query_id"), projects, c));
        ObjectNode mq = st.mergeQueries.get(JsonNodes.text(el, "merge_result_id"));
        if (mq != null) for (JsonNode sq : mq.path("source_queries")) found.addAll(check(JsonNodes.text(sq, "query_id"), projects, c));
        return found;
    }

    /** A generated tile asks generated queries: which ones follows from its id, without building anything. */
    private List<ObjectNode> generatedTile(long e, Set<String> projects, Counts c) {
        return switch (st.content.elementKind(e)) {
            case "vis" -> check(s(st.plan.elementQuery(e, 0)), projects, c);
            case "merged" -> {
                List<ObjectNode> out = new ArrayList<>(check(s(st.plan.elementQuery(e, 1)), projects, c));
                out.addAll(check(s(st.plan.elementQuery(e, 2)), projects, c));
                yield out;
            }
            default -> List.of();
        };
    }

    private void filters(String id, ObjectNode dash, long d, Set<String> projects, ArrayNode errors, Counts c) {
        for (long f : st.filters.children(id)) {
            ObjectNode fl = st.filters.get(f);
            c.filters()[0]++;
            if (!"field_filter".equals(JsonNodes.text(fl, "type")) || JsonNodes.text(fl, "model") == null) continue;
            List<ObjectNode> found = resolve(JsonNodes.text(fl, "model"), JsonNodes.text(fl, "explore"), List.of(String.valueOf(JsonNodes.text(fl, "dimension"))), projects);
            if (found.isEmpty()) continue;
            ObjectNode entry = entry("dashboard_filter:" + f, found);
            entry.set("dashboard", dashboardRef(dash != null ? dash : st.dashboards.get(d)));
            entry.set("dashboard_filter", fl.deepCopy());
            errors.add(entry);
        }
    }

    private List<ObjectNode> check(String queryId, Set<String> projects, Counts c) {
        if (queryId == null) return List.of();
        return c.checked().computeIfAbsent(queryId, id -> {
            long q = ItemTable.parseId(id);
            // a generated query is built from the catalogue: only its model or explore can have gone
            if (untouched(st.queries, q)) {
                return resolve(io.lookersim.gen.QueryGen.modelOf(q), io.lookersim.gen.QueryGen.exploreOf(q).name(), List.of(), projects);
            }
            return check(st.queries.get(id), projects);
        });
    }

    private static boolean untouched(ItemTable t, long id) {
        return id >= 1 && id <= t.baseMax() && !t.isOverridden(id) && !t.isRemoved(id);
    }

    private List<ObjectNode> check(ObjectNode q, Set<String> projects) {
        if (q == null) return List.of();
        List<String> fields = new ArrayList<>();
        q.path("fields").forEach(f -> fields.add(f.asText()));
        q.path("filters").fieldNames().forEachRemaining(fields::add);
        return resolve(JsonNodes.text(q, "model"), JsonNodes.text(q, "view"), fields, projects);
    }

    /** Errors of one (model, explore, fields): an unknown model or explore hides its fields, as in Looker. */
    private List<ObjectNode> resolve(String model, String explore, List<String> fields, Set<String> projects) {
        ObjectNode m = st.lookmlModels.get(model);
        if (m != null && projects != null && !projects.contains(JsonNodes.text(m, "project_name"))) return List.of();
        if (m == null) return List.of(error("Unknown model \"" + model + "\".", null, model, explore));
        boolean known = false;
        for (JsonNode x : m.path("explores")) known |= x.path("name").asText().equals(explore);
        if (!known) return List.of(error("Unknown explore \"" + explore + "\" in model \"" + model + "\".", null, model, explore));
        Models.Model cat = Models.model(model);
        if (cat == null) return List.of(); // a model made through the API: its fields are not known here
        Set<String> have = new HashSet<>();
        for (Models.Explore x : cat.explores()) {
            if (x.name().equals(explore)) {
                have.addAll(x.dimensions());
                have.addAll(x.measures());
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (String f : new java.util.LinkedHashSet<>(fields)) {
            if (!have.contains(f)) out.add(error("Unknown field \"" + f + "\".", f, model, explore));
        }
        return out;
    }

    private static ObjectNode error(String message, String field, String model, String explore) {
        return JsonNodes.obj().put("message", message).put("field_name", field).put("model_name", model).put("explore_name", explore)
                .put("removable", field != null);
    }

    private static ObjectNode entry(String id, List<ObjectNode> errors) {
        ObjectNode e = JsonNodes.obj().put("id", id);
        ArrayNode a = e.putArray("errors");
        errors.forEach(a::add);
        return e;
    }

    private ObjectNode dashboardRef(ObjectNode d) {
        ObjectNode n = JsonNodes.obj().put("id", JsonNodes.text(d, "id")).put("title", JsonNodes.text(d, "title"))
                .put("description", JsonNodes.text(d, "description")).put("url", "/dashboards/" + JsonNodes.text(d, "id"));
        n.set("folder", folder(d));
        return n;
    }

    private ObjectNode folder(ObjectNode item) {
        ObjectNode f = st.folders.get(JsonNodes.text(item, "folder_id"));
        return f == null ? null : JsonNodes.obj().put("id", JsonNodes.text(f, "id")).put("name", JsonNodes.text(f, "name"));
    }

    private int explores() {
        int n = 0;
        for (ObjectNode m : st.lookmlModels.values()) n += m.path("explores").size();
        return n;
    }

    private static boolean in(Set<String> folders, ObjectNode item) {
        return folders == null || folders.contains(JsonNodes.text(item, "folder_id"));
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) return null;
        Set<String> out = new HashSet<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    /** Every id a table may hold: the generated range, then those created since. */
    private static Iterable<Long> ids(ItemTable t) {
        List<Long> out = new ArrayList<>();
        for (long id = 1; id <= t.baseMax(); id++) out.add(id);
        for (long id : t.overlay().keySet()) if (id > t.baseMax()) out.add(id);
        return out;
    }
}
