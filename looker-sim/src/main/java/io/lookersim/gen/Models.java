package io.lookersim.gen;

import java.util.List;

/** The LookML models every instance has (scale 0 included), with their explores and a few fields. Constant. */
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

    private static Explore explore(String name, String label, String d1, String d2, String d3, String m1, String m2) {
        return new Explore(name, label, List.of(d1, d2, d3), List.of(m1, m2));
    }

    public static Model model(String name) {
        for (Model m : ALL) if (m.name().equals(name)) return m;
        return null;
    }
}
