package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.SplittableRandom;

/** Scheduled plans (with their destinations) and alerts on dashboard tiles. Pure functions of (seed, id). */
public final class ScheduleGen extends SeededGenerator {
    private final ContentGen content;

    public ScheduleGen(InstanceLayout p, ContentGen content) {
        super(p);
        this.content = content;
    }

    /** Owner of plans/alerts: every 4th belongs to the API user, so listings without all_users are not empty. */
    private long owner(long id, SplittableRandom r) { return id % 4 == 1 ? InstanceLayout.API_USER : someUser(r); }

    public ObjectNode plan(long id) {
        if (id < 1 || id > p.plans()) return null;
        SplittableRandom r = rng(PLAN, id);
        boolean dash = p.looks() == 0 || r.nextBoolean();
        long target = 1 + r.nextLong(dash ? p.dashboards() : p.looks());
        long created = created(id, p.plans(), r);
        ObjectNode n = JsonNodes.obj();
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
            long did = id * InstanceLayout.DEST_SLOTS + i;
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
        long e = d * InstanceLayout.ELEM_SLOTS; // element 0 of every dashboard is a vis tile with a query
        ObjectNode q = new QueryGen(p, content).query(p.elementQuery(e, 0));
        String field = q.path("fields").path(1).asText();
        ObjectNode n = JsonNodes.obj();
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
}
