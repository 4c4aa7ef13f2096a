package io.lookersim.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.gen.Models;
import io.lookersim.json.JsonNodes;

/**
 * What a project's LookML dashboard files say, as dashboard(id) answers them: one date filter, a chart and a single
 * value that listen to it, and a text tile. Parts of a LookML dashboard have no database ids. Stateless.
 */
final class LookmlDefinitions {
    private LookmlDefinitions() {}

    static ObjectNode dashboard(Models.Model m, String name, Models.Explore x) {
        String id = m.name() + "::" + name;
        ObjectNode d = JsonNodes.obj().put("id", id).put("title", m.label() + " " + (name.equals("overview") ? "Overview" : "KPI Summary"))
                .put("description", "LookML dashboard of the " + m.name() + " model").put("hidden", false).put("readonly", true)
                .put("slug", id).put("folder_id", "lookml").put("preferred_viewer", "dashboards-next").put("deleted", false)
                .put("edit_uri", "/projects/" + m.project() + "/files/" + name + ".dashboard.lookml").put("url", "/dashboards/" + id);
        d.putObject("model").put("id", m.name()).put("label", m.label());
        d.set("can", JsonNodes.obj().put("index", true).put("show", true).put("copy", true).put("run", true));
        String dim = x.dimensions().get(0);
        d.putArray("dashboard_filters").addObject().putNull("id").put("dashboard_id", id).put("name", "Date").put("title", "Date")
                .put("type", "field_filter").put("model", m.name()).put("explore", x.name()).put("dimension", dim)
                .put("default_value", "7 days").put("row", 0).put("allow_multiple_values", true).put("required", false);
        ArrayNode els = d.putArray("dashboard_elements");
        els.add(tile(id, m, x, x.label() + " by " + x.dimensions().get(1), "looker_column",
                new String[]{x.dimensions().get(1), x.measures().get(0)}, dim));
        els.add(tile(id, m, x, "Total " + x.measures().get(1), "single_value", new String[]{x.measures().get(1)}, dim));
        els.addObject().putNull("id").put("dashboard_id", id).put("type", "text").put("title_text", "About")
                .put("body_text", "Defined in " + name + ".dashboard.lookml of project " + m.project() + ".");
        d.set("dashboard_layouts", JsonNodes.arr());
        return d;
    }

    private static ObjectNode tile(String dashboard, Models.Model m, Models.Explore x, String title, String vis, String[] fields, String dim) {
        ObjectNode e = JsonNodes.obj().putNull("id").put("dashboard_id", dashboard).put("title", title).put("type", "vis");
        ObjectNode q = e.putObject("query").putNull("id").put("model", m.name()).put("view", x.name());
        ArrayNode f = q.putArray("fields");
        for (String s : fields) f.add(s);
        q.putObject("vis_config").put("type", vis);
        ObjectNode fl = e.putObject("result_maker").putArray("filterables").addObject().put("model", m.name()).put("view", x.name());
        fl.putArray("listen").addObject().put("dashboard_filter_name", "Date").put("field", dim);
        return e;
    }
}
