package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.Json;
import java.util.SplittableRandom;

/** Queries of looks and tiles, and merge queries of merged-result tiles. Pure functions of (seed, id). */
public final class QueryGen extends Gen {
    private final ContentGen content;

    public QueryGen(Plan p, ContentGen content) {
        super(p);
        this.content = content;
    }

    public ObjectNode query(long q) {
        if (q < 1) return null;
        if (q <= p.looks()) return make(q);
        long rel = q - p.looks();
        long e = rel / 4;
        int s = (int) (rel % 4);
        if (content.element(e) == null) return null;
        String kind = content.elementKind(e);
        if (kind.equals("vis") && s == 0 || kind.equals("merged") && (s == 1 || s == 2)) return make(q);
        return null;
    }

    private ObjectNode make(long q) {
        SplittableRandom r = rng(QUERY, q);
        Models.Model m = Models.ALL.get(r.nextInt(Models.ALL.size()));
        Models.Explore x = m.explores().get(r.nextInt(m.explores().size()));
        ObjectNode n = Json.obj();
        String slug = Words.slug(seed, QUERY, q).substring(0, 7);
        n.put("id", s(q)).put("model", m.name()).put("view", x.name());
        ArrayNode fields = n.putArray("fields");
        String dim = x.dimensions().get(r.nextInt(x.dimensions().size()));
        String measure = x.measures().get(r.nextInt(x.measures().size()));
        fields.add(dim).add(measure);
        n.putNull("pivots");
        n.putNull("fill_fields");
        n.putObject("filters").put(x.dimensions().get(0), Words.pick(r, "30 days", "7 days", "this year", "-NULL"));
        n.put("filter_expression", (String) null);
        n.putArray("sorts").add(measure + " desc");
        n.put("limit", Words.pick(r, "500", "5000", "50")).put("column_limit", "50").put("total", r.nextBoolean())
                .put("row_total", (String) null);
        n.putNull("subtotals");
        n.putObject("vis_config").put("type", Words.pick(r, "looker_column", "looker_line", "looker_pie", "table",
                "single_value", "looker_area")).put("show_value_labels", r.nextBoolean()).put("stacking", "");
        n.putNull("filter_config");
        n.put("visible_ui_sections", (String) null).put("dynamic_fields", (String) null)
                .put("client_id", Words.slug(seed, QUERY + 7, q)).put("query_timezone", (String) null);
        decorate(n, slug, m.name(), x.name());
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
        ObjectNode n = Json.obj();
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
