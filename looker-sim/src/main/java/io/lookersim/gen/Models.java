package io.lookersim.gen;

import java.util.List;

/**
 * The LookML models every instance has (scale 0 included), with their explores and a few fields. Constant. ALL are
 * the instance's own project models, on which content is generated; SYSTEM_ACTIVITY is Looker's built-in System
 * Activity model (on every Looker, in no project or model set), listed in the catalogue so that content an admin
 * built on it can be read, created and restored.
 */
public final class Models {
    private Models() {}

    public record Explore(String name, String label, List<String> dimensions, List<String> measures) {}

    public record Model(String name, String label, String project, String connection, List<Explore> explores) {}

    public static final List<Model> ALL = List.of(
        new Model("thelook", "The Look", "thelook", "bigquery_prod", List.of(
            explore("order_items", "Order Items", "orders.created_date", "products.category", "users.state", "order_items.total_sale_price", "order_items.count"),
            explore("users", "Users", "users.created_month", "users.country", "users.age_tier", "users.count", "users.average_age"),
            explore("inventory_items", "Inventory", "products.brand", "inventory_items.created_week", "distribution_centers.name", "inventory_items.count", "inventory_items.total_cost"))),
        new Model("ecommerce", "E-commerce", "ecommerce", "snowflake", List.of(
            explore("sessions", "Web Sessions", "sessions.start_date", "sessions.traffic_source", "sessions.browser", "sessions.count", "sessions.bounce_rate"),
            explore("events", "Events", "events.event_type", "events.created_hour", "events.city", "events.count", "events.unique_visitors"))),
        new Model("marketing", "Marketing", "marketing", "postgres", List.of(
            explore("campaigns", "Campaigns", "campaigns.name", "campaigns.channel", "campaigns.start_date", "campaigns.total_spend", "campaigns.conversions"),
            explore("leads", "Leads", "leads.source", "leads.created_week", "leads.status", "leads.count", "leads.conversion_rate"))),
        new Model("finance", "Finance", "finance", "redshift", List.of(
            explore("ledger", "General Ledger", "ledger.account", "ledger.posted_month", "ledger.department", "ledger.total_amount", "ledger.count"),
            explore("invoices", "Invoices", "invoices.customer", "invoices.due_date", "invoices.status", "invoices.total_due", "invoices.count"))));

    public static final Model SYSTEM_ACTIVITY = new Model("system__activity", "System Activity", "system__activity",
        "looker__internal__analytics", List.of(
            explore("history", "History", "history.created_date", "history.source", "history.status", "history.query_run_count", "history.average_runtime"),
            explore("dashboard", "Dashboard", "dashboard.id", "dashboard.title", "dashboard.created_date", "dashboard.count", "history.query_run_count"),
            explore("look", "Look", "look.id", "look.title", "look.created_date", "look.count", "history.query_run_count"),
            explore("user", "User", "user.id", "user.name", "user.email", "user.count", "history.query_run_count"),
            explore("query", "Query", "query.id", "query.model", "query.view", "query.count", "history.query_run_count"),
            explore("content_usage", "Content Usage", "content_usage.content_type", "content_usage.content_title", "content_usage.last_accessed_date", "content_usage.view_total", "content_usage.favorites_total"),
            explore("field_usage", "Field Usage", "field_usage.model", "field_usage.explore", "field_usage.field", "field_usage.times_used", "history.query_run_count"),
            explore("scheduled_plan", "Schedules", "scheduled_plan.id", "scheduled_plan.name", "scheduled_job.finalized_date", "scheduled_plan.count", "scheduled_job.count"),
            explore("event", "Event", "event.name", "event.category", "event.created_date", "event.count", "user.count")));

    /** Every model GET /lookml_models lists: the project models, then System Activity. */
    public static final List<Model> CATALOGUE = java.util.stream.Stream.concat(ALL.stream(), java.util.stream.Stream.of(SYSTEM_ACTIVITY)).toList();

    private static Explore explore(String name, String label, String d1, String d2, String d3, String m1, String m2) {
        return new Explore(name, label, List.of(d1, d2, d3), List.of(m1, m2));
    }

    public static Model model(String name) {
        for (Model m : CATALOGUE) if (m.name().equals(name)) return m;
        return null;
    }
}
