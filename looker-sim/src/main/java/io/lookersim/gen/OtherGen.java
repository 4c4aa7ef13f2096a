package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.Json;
import java.util.SplittableRandom;

/** Boards (sections, items), scheduled plans, alerts and content access. Pure functions of (seed, id). */
public final class OtherGen extends Gen {
    private final ContentGen content;

    public OtherGen(Plan p, ContentGen content) {
        super(p);
        this.content = content;
    }

    public int sectionCount(long b) { return 1 + rng(BOARD + 100, b).nextInt(3); }

    public int itemCount(long section) { return 1 + rng(SECTION + 100, section).nextInt(5); }

    public ObjectNode board(long b) {
        if (b < 1 || b > p.boards()) return null;
        SplittableRandom r = rng(BOARD, b);
        long created = created(b, p.boards(), r);
        ObjectNode n = Json.obj();
        n.put("content_metadata_id", s(p.cmBoard(b))).put("created_at", iso(created)).put("deleted_at", (String) null)
                .put("description", Words.description(r)).put("id", s(b)).put("title", Words.title(r).replace("Dashboard", "Board"))
                .put("updated_at", iso(created + r.nextInt(9_000_000))).put("user_id", s(someUser(r))).put("primary_homepage", false);
        ArrayNode order = n.putArray("section_order");
        for (int k = 0; k < sectionCount(b); k++) order.add(s(b * Plan.SECTION_SLOTS + k));
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

    public ObjectNode section(long id) {
        long b = id / Plan.SECTION_SLOTS;
        if (b < 1 || b > p.boards() || id % Plan.SECTION_SLOTS >= sectionCount(b)) return null;
        SplittableRandom r = rng(SECTION, id);
        ObjectNode n = Json.obj();
        long created = created(b, p.boards(), r);
        n.put("created_at", iso(created)).put("deleted_at", (String) null).put("description", r.nextBoolean() ? "Start here" : null)
                .put("board_id", s(b)).put("id", s(id)).put("title", Words.pick(r, "Overview", "Deep dives", "Daily", "Team ✨"))
                .put("updated_at", iso(created + 3600));
        ArrayNode order = n.putArray("item_order");
        for (int k = 0; k < itemCount(id); k++) order.add(s(id * Plan.ITEM_SLOTS + k));
        n.set("visible_item_order", order.deepCopy());
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

    public ObjectNode item(long id) {
        long section = id / Plan.ITEM_SLOTS;
        if (section(section) == null || id % Plan.ITEM_SLOTS >= itemCount(section)) return null;
        SplittableRandom r = rng(ITEM, id);
        ObjectNode n = Json.obj();
        boolean dash = p.looks() == 0 || p.dashboards() > 0 && r.nextBoolean();
        long target = 1 + r.nextLong(dash ? Math.max(1, p.dashboards()) : p.looks());
        n.put("board_section_id", s(section)).put("id", s(id)).put("order", (int) (id % Plan.ITEM_SLOTS))
                .put(dash ? "dashboard_id" : "look_id", s(target)).put("custom_description", (String) null)
                .put("custom_title", (String) null).put("custom_url", (String) null).put("use_custom_description", false)
                .put("use_custom_title", false).put("use_custom_url", false).put("use_custom_image", false);
        n.set("can", can("show", "index", "create", "update", "destroy"));
        return n;
    }

    /** Owner of plans/alerts: every 4th belongs to the API user, so listings without all_users are not empty. */
    private long owner(long id, SplittableRandom r) { return id % 4 == 1 ? Plan.API_USER : someUser(r); }

    public ObjectNode plan(long id) {
        if (id < 1 || id > p.plans()) return null;
        SplittableRandom r = rng(PLAN, id);
        boolean dash = p.looks() == 0 || r.nextBoolean();
        long target = 1 + r.nextLong(dash ? p.dashboards() : p.looks());
        long created = created(id, p.plans(), r);
        ObjectNode n = Json.obj();
        n.put("name", Words.pick(r, "Daily digest", "Weekly report", "Monday KPIs", "Rapport mensuel 📬") + " " + id)
                .put("user_id", s(owner(id, r))).put("run_as_recipient", false).put("enabled", r.nextInt(10) != 0)
                .put(dash ? "dashboard_id" : "look_id", s(target)).put("filters_string", (String) null)
                .put("require_results", false).put("require_no_results", false).put("require_change", false)
                .put("send_all_results", false).put("crontab", Words.pick(r, "0 6 * * *", "0 8 * * 1", "30 7 1 * *"))
                .put("datagroup", (String) null).put("timezone", Words.pick(r, "UTC", "America/New_York", "Europe/Berlin"))
                .put("run_once", false).put("include_links", true).put("include_dashboard_summary", false)
                .put("show_custom_url", false).put("pdf_paper_size", (String) null).put("pdf_landscape", false)
                .put("embed", false).put("long_tables", false).put("pdf_page_breaks", false).put("id", s(id))
                .put("created_at", iso(created)).put("updated_at", iso(created + 86_400))
                .put("next_run_at", iso(now() + 86_400)).put("last_run_at", iso(now() - 3600));
        ArrayNode dests = n.putArray("scheduled_plan_destination");
        int k = 1 + r.nextInt(2);
        for (int i = 0; i < k; i++) {
            long did = id * Plan.DEST_SLOTS + i;
            dests.addObject().put("id", s(did)).put("scheduled_plan_id", s(id)).put("format", dash ? "wysiwyg_pdf" : "csv")
                    .put("apply_formatting", true).put("apply_vis", true).put("address", "team" + did + "@example.com")
                    .put("looker_recipient", false).put("type", "email").put("parameters", (String) null)
                    .put("message", i == 0 ? "Here is your report" : null);
        }
        n.set("can", can("show", "index", "update", "destroy"));
        return n;
    }

    public ObjectNode alert(long id) {
        if (id < 1 || id > p.alerts() || p.dashboards() == 0) return null;
        SplittableRandom r = rng(ALERT, id);
        long d = 1 + r.nextLong(p.dashboards());
        long e = d * Plan.ELEM_SLOTS; // element 0 of every dashboard is a vis tile with a query
        ObjectNode q = new QueryGen(p, content).query(p.elementQuery(e, 0));
        String field = q.path("fields").path(1).asText();
        ObjectNode n = Json.obj();
        n.putArray("applied_dashboard_filters");
        n.put("comparison_type", Words.pick(r, "GREATER_THAN", "LESS_THAN", "INCREASES_BY", "CHANGES_BY"))
                .put("cron", "0 9 * * *").put("query_id", q.path("id").asText()).put("show_custom_url", false)
                .put("custom_title", r.nextBoolean() ? "Heads up ⚠️ " + id : null).put("dashboard_element_id", s(e))
                .put("description", (String) null).put("followed", false).put("followable", true).put("id", s(id))
                .put("is_disabled", false).put("is_public", r.nextBoolean()).put("owner_id", s(owner(id, r)))
                .put("threshold", 100 + r.nextInt(10_000));
        n.putArray("destinations").addObject().put("destination_type", "EMAIL").put("email_address", "alert" + id + "@example.com");
        ObjectNode f = n.putObject("field");
        f.put("title", field.replace('.', ' ')).put("name", field);
        f.putArray("filter");
        return n;
    }

    /** Folders with a multiple-of-7 index in the shared tree do not inherit and carry two explicit grants. */
    public boolean folderHasOwnAccess(long f) {
        return f >= p.firstShared() && f <= p.folderMax() && (f - p.firstShared()) % 7 == 0 || f == Plan.SHARED_ROOT;
    }

    /** Ids of the generated grants on content_metadata {@code cm}: one or two slots of its range. */
    public long[] accessIds(long cm) {
        if (!folderHasOwnAccess(cm)) return new long[0];
        long first = cm * Plan.ACCESS_SLOTS;
        return access(first + 1) == null ? new long[]{first} : new long[]{first, first + 1};
    }

    public ObjectNode access(long id) {
        long cm = id / Plan.ACCESS_SLOTS;
        int k = (int) (id % Plan.ACCESS_SLOTS);
        if (cm < 1 || cm > p.folderMax() || !folderHasOwnAccess(cm) || k > 1) return null;
        long editor = 1 + cm % p.userMax();
        // Looker keeps one grant per (content, user): with no groups (a fresh instance) the view grant already
        // names the API user, so an edit grant for the same user would be a twin the API itself refuses (409).
        if (k == 1 && p.groups() == 0 && editor == Plan.API_USER) return null;
        ObjectNode n = Json.obj();
        n.put("id", s(id)).put("content_metadata_id", s(cm)).put("permission_type", k == 0 ? "view" : "edit");
        if (k == 0 && p.groups() > 0) n.put("group_id", s(1 + cm % p.groups())).put("user_id", (String) null);
        else n.put("group_id", (String) null).put("user_id", s(k == 0 ? Plan.API_USER : editor));
        n.set("can", can("show", "update", "destroy"));
        return n;
    }

    public ObjectNode theme(long id) {
        if (id < 1 || id > 2) return null;
        ObjectNode n = Json.obj();
        n.put("id", s(id)).put("name", id == 1 ? "Looker" : "brand_dark").put("begin_at", (String) null).put("end_at", (String) null);
        ObjectNode st = n.putObject("settings");
        st.put("background_color", id == 1 ? "#f6f8fa" : "#1a1a2e").put("base_font_size", "12px").put("color_collection_id", "legacy")
                .put("font_color", id == 1 ? "#3a4245" : "#eeeeee").put("font_family", "Roboto").put("info_button_color", "#0087e1")
                .put("primary_button_color", "#64518A").put("show_filters_bar", true).put("show_title", true)
                .put("text_tile_text_color", "#3a4245").put("tile_background_color", "#ffffff").put("text_tile_background_color", "#ffffff")
                .put("tile_text_color", "#3a4245").put("title_color", "#3a4245").put("warn_button_color", "#980c11")
                .put("tile_title_alignment", "center").put("tile_shadow", true);
        n.set("can", can("show", "update", "destroy"));
        return n;
    }
}
