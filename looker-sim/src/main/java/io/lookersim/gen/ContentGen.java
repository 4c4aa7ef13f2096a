package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.SplittableRandom;

/** Dashboards and their elements, filters, layouts and components; looks. Pure functions of (seed, id). */
public final class ContentGen extends SeededGenerator {
    public ContentGen(InstanceLayout p) { super(p); }

    public int elementCount(long d) {
        SplittableRandom r = rng(DASH + 100, d);
        int k = r.nextInt(100);
        return k < 60 ? 1 + r.nextInt(8) : k < 90 ? 9 + r.nextInt(12) : 21 + r.nextInt(20);
    }

    public int filterCount(long d) { return rng(DASH + 200, d).nextInt(5); }

    /** Element kind: vis (query), text, look, merged. Element 0 is always a vis tile (alerts point at it). */
    public String elementKind(long e) {
        if (e % InstanceLayout.ELEM_SLOTS == 0) return "vis";
        int k = rng(ELEM, e).nextInt(100);
        return k < 60 ? "vis" : k < 75 ? "text" : k < 90 && p.looks() > 0 ? "look" : k < 90 ? "text" : "merged";
    }

    public ObjectNode dashboard(long d) {
        if (d < 1 || d > p.dashboards()) return null;
        SplittableRandom r = rng(DASH, d);
        long folder = p.contentFolder(d);
        long owner = folder > InstanceLayout.USERS_ROOT && folder < p.firstShared() ? folder - 2 : someUser(r);
        long created = created(d, p.dashboards(), r);
        long updated = created + r.nextInt(200 * 86_400);
        boolean trashed = InstanceLayout.baseTrashed(d);
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(d)).put("title", Words.title(r)).put("description", Words.description(r));
        n.put("folder_id", s(folder)).put("user_id", s(owner)).put("slug", Words.slug(seed, DASH, d));
        n.put("hidden", false).put("readonly", false).put("preferred_viewer", "dashboards-next");
        n.put("refresh_interval", r.nextInt(5) == 0 ? "1 hour" : null);
        n.put("query_timezone", r.nextInt(4) == 0 ? "America/Los_Angeles" : null);
        n.put("created_at", iso(created)).put("updated_at", iso(updated));
        n.put("deleted", trashed).put("deleted_at", trashed ? iso(updated + 3600) : null)
                .put("deleter_id", trashed ? s(owner) : null);
        n.put("view_count", r.nextInt(5000)).put("favorite_count", r.nextInt(40))
                .put("last_viewed_at", iso(updated + r.nextInt(86_400 * 30))).put("last_accessed_at", iso(updated + 86_400 * 31));
        n.put("last_updater_id", s(owner)).put("content_metadata_id", s(p.cmDashboard(d)));
        n.put("background_color", r.nextInt(3) == 0 ? "#f6f8fa" : null).put("show_title", true).put("show_filters_bar", true)
                .put("title_color", "#3a4245").put("tile_background_color", (String) null).put("tile_text_color", (String) null)
                .put("text_tile_text_color", (String) null).put("crossfilter_enabled", r.nextBoolean())
                .put("load_configuration", "wait").put("filters_bar_collapsed", false).put("filters_location_top", true)
                .put("enable_viz_full_screen", true).put("alert_sync_with_dashboard_filter_enabled", false)
                .put("chat_enabled", false).put("preserve_desktop_layout", false);
        n.set("can", can("index", "show", "copy", "run", "update", "destroy", "create", "move", "see_aggregate_table_lookml"));
        return n;
    }

    public ObjectNode element(long e) {
        long d = p.elementDashboard(e);
        int k = (int) (e % InstanceLayout.ELEM_SLOTS);
        if (d < 1 || d > p.dashboards() || k >= elementCount(d)) return null;
        SplittableRandom r = rng(ELEM, e);
        String kind = elementKind(e);
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(e)).put("dashboard_id", s(d)).put("dashboard_layout_id", s(d));
        n.put("title", kind.equals("text") ? null : Words.title(r)).put("title_hidden", false).put("subtitle_text", (String) null);
        n.put("note_display", (String) null).put("note_state", (String) null).put("note_text", (String) null).put("refresh_interval", (String) null);
        switch (kind) {
            case "text" -> n.put("type", "text").put("title_text", Words.title(r))
                    .put("body_text", "## Notes\n" + Words.description(rng(ELEM + 50, e)))
                    .put("rich_content_json", "{\"format\":\"markdown\"}");
            case "look" -> n.put("type", "vis").put("look_id", s(1 + r.nextLong(p.looks())));
            case "merged" -> n.put("type", "vis").put("merge_result_id", s(e));
            default -> n.put("type", "vis").put("query_id", s(p.elementQuery(e, 0)));
        }
        n.set("can", can("index", "show", "create", "update", "destroy"));
        return n;
    }

    public ObjectNode filter(long f) {
        long d = p.filterDashboard(f);
        int k = (int) (f % InstanceLayout.FILTER_SLOTS);
        if (d < 1 || d > p.dashboards() || k >= filterCount(d)) return null;
        SplittableRandom r = rng(FILT, f);
        Models.Model m = Models.ALL.get(r.nextInt(Models.ALL.size()));
        Models.Explore x = m.explores().get(r.nextInt(m.explores().size()));
        String dim = x.dimensions().get(k % x.dimensions().size());
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(f)).put("dashboard_id", s(d)).put("name", "Filter " + (k + 1)).put("title", Words.pick(r, "Date", "Region", "Category", "Status") + " " + (k + 1));
        n.put("type", "field_filter").put("default_value", r.nextBoolean() ? "30 days" : null).put("model", m.name())
                .put("explore", x.name()).put("dimension", dim).put("row", k).put("allow_multiple_values", true).put("required", false);
        n.set("listens_to_filters", JsonNodes.arr());
        n.putObject("ui_config").put("type", "advanced").put("display", "popover");
        n.putObject("field").put("name", dim).put("type", "string");
        n.set("can", can("show", "update", "destroy"));
        return n;
    }

    public ObjectNode layout(long d) {
        if (d < 1 || d > p.dashboards()) return null;
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(d)).put("dashboard_id", s(d)).put("type", "newspaper").put("active", true).put("column_width", (String) null)
                .put("width", (String) null).put("deleted", false).put("label", (String) null).put("description", (String) null)
                .put("order", 0);
        n.set("can", can("show", "update", "destroy"));
        return n;
    }

    /** The component of base element e in its dashboard's layout (same id as the element). */
    public ObjectNode component(long e) {
        ObjectNode el = element(e);
        if (el == null) return null;
        int k = (int) (e % InstanceLayout.ELEM_SLOTS);
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(e)).put("dashboard_layout_id", s(p.elementDashboard(e))).put("dashboard_element_id", s(e))
                .put("row", (k / 2) * 6).put("column", (k % 2) * 12).put("width", 12).put("height", 6).put("deleted", false);
        n.set("can", can("show", "update"));
        return n;
    }

    public ObjectNode look(long l) {
        if (l < 1 || l > p.looks()) return null;
        SplittableRandom r = rng(LOOK, l);
        long folder = p.contentFolder(l);
        long owner = folder > InstanceLayout.USERS_ROOT && folder < p.firstShared() ? folder - 2 : someUser(r);
        long created = created(l, p.looks(), r);
        long updated = created + r.nextInt(200 * 86_400);
        boolean trashed = InstanceLayout.baseTrashed(l);
        ObjectNode n = JsonNodes.obj();
        n.put("id", s(l)).put("title", Words.title(r)).put("description", Words.description(r)).put("user_id", s(owner))
                .put("folder_id", s(folder)).put("query_id", s(p.lookQuery(l))).put("content_metadata_id", s(p.cmLook(l)));
        n.put("created_at", iso(created)).put("updated_at", iso(updated)).put("deleted", trashed)
                .put("deleted_at", trashed ? iso(updated + 3600) : null).put("deleter_id", trashed ? s(owner) : null);
        n.put("is_run_on_load", r.nextBoolean()).put("public", false).put("view_count", r.nextInt(3000))
                .put("favorite_count", r.nextInt(20)).put("last_viewed_at", iso(updated + r.nextInt(86_400 * 30)))
                .put("last_accessed_at", iso(updated + 86_400 * 31)).put("last_updater_id", s(owner));
        n.set("can", can("index", "show", "copy", "run", "update", "destroy", "create", "move"));
        return n;
    }

    public ArrayNode dashboardFilterNames(long d) {
        ArrayNode a = JsonNodes.arr();
        for (int k = 0; k < filterCount(d); k++) a.add("Filter " + (k + 1));
        return a;
    }
}
