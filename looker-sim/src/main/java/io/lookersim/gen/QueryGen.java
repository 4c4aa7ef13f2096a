package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.ArrayList;
import java.util.List;

/** Queries of looks and tiles, and merge queries of merged-result tiles. Pure functions of (seed, id). */
public final class QueryGen extends SeededGenerator {
    private final ContentGen content;

    public QueryGen(InstanceLayout p, ContentGen content) {
        super(p);
        this.content = content;
    }

    private record Combo(Models.Model model, Models.Explore explore, String dim, String measure) {}

    private static final List<Combo> COMBOS = combos();
    private static final String[] FILTERS = {"30 days", "7 days", "this year", "-NULL"};
    private static final String[] LIMITS = {"500", "5000", "50"};
    private static final String[] VIS = {"looker_column", "looker_line", "looker_pie", "table", "single_value", "looker_area"};
    /** Number of distinct generated queries: every (explore, dimension, measure, filter, limit, vis) combination. */
    public static final long SPACE = (long) COMBOS.size() * FILTERS.length * LIMITS.length * VIS.length;

    private static List<Combo> combos() {
        List<Combo> out = new ArrayList<>();
        for (Models.Model m : Models.ALL) {
            for (Models.Explore x : m.explores()) {
                for (String d : x.dimensions()) for (String me : x.measures()) out.add(new Combo(m, x, d, me));
            }
        }
        return List.copyOf(out);
    }

    /** Generated query q (1..SPACE): its index spells out the combination, so no two are alike. */
    public ObjectNode query(long q) {
        if (q < 1 || q > SPACE) return null;
        long c = q - 1;
        String vis = VIS[(int) (c % VIS.length)];
        c /= VIS.length;
        String limit = LIMITS[(int) (c % LIMITS.length)];
        c /= LIMITS.length;
        String filter = FILTERS[(int) (c % FILTERS.length)];
        Combo k = COMBOS.get((int) (c / FILTERS.length));
        ObjectNode n = JsonNodes.obj();
        String slug = Words.slug(seed, QUERY, q).substring(0, 7);
        n.put("id", s(q)).put("model", k.model().name()).put("view", k.explore().name());
        n.putArray("fields").add(k.dim()).add(k.measure());
        n.putNull("pivots");
        n.putNull("fill_fields");
        n.putObject("filters").put(k.explore().dimensions().get(0), filter);
        n.put("filter_expression", (String) null);
        n.putArray("sorts").add(k.measure() + " desc");
        n.put("limit", limit).put("column_limit", "50").put("total", q % 2 == 0).put("row_total", (String) null);
        n.putNull("subtotals");
        n.putObject("vis_config").put("type", vis).put("show_value_labels", q % 3 == 0).put("stacking", "");
        n.putNull("filter_config");
        n.put("visible_ui_sections", (String) null).put("dynamic_fields", (String) null)
                .put("client_id", Words.slug(seed, QUERY + 7, q)).put("query_timezone", (String) null);
        decorate(n, slug, k.model().name(), k.explore().name());
        return n;
    }

    /** Read-only properties Looker derives for a query: slug, urls, can. */
    public static void decorate(ObjectNode n, String slug, String model, String view) {
        n.put("slug", slug).put("share_url", "https://looker.sim.local/x/" + slug)
                .put("expanded_share_url", "https://looker.sim.local/explore/" + model + "/" + view + "?qid=" + slug)
                .put("url", "/explore/" + model + "/" + view + "?qid=" + slug).put("has_table_calculations", false);
        n.set("can", can("run", "see_results", "explore", "create", "show", "cost_estimate", "download"));
    }

    public ObjectNode mergeQuery(long e) {
        if (content.element(e) == null || !content.elementKind(e).equals("merged")) return null;
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(e)).put("column_limit", (String) null).put("dynamic_fields", (String) null).put("result_maker_id", s(e));
        n.putNull("pivots");
        n.putNull("sorts");
        ArrayNode src = n.putArray("source_queries");
        for (int s = 1; s <= 2; s++) {
            long q = p.elementQuery(e, s);
            ObjectNode qn = query(q);
            ObjectNode sq = src.addObject();
            sq.put("name", "Source " + s).put("query_id", s(q)).put("query_slug", qn.path("slug").asText());
            ArrayNode mf = sq.putArray("merge_fields");
            if (s == 2) mf.addObject().put("field_name", qn.path("fields").path(0).asText())
                    .put("source_field_name", query(p.elementQuery(e, 1)).path("fields").path(0).asText());
        }
        n.put("total", false).put("limit", (String) null);
        n.putObject("vis_config").put("type", "looker_column");
        n.set("can", can("show", "create"));
        return n;
    }
}
