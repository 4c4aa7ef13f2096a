package io.lookersim.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.api.Api;
import io.lookersim.api.ApiError;
import io.lookersim.api.ApiRequest;
import io.lookersim.api.ApiResponse;
import io.lookersim.json.JsonNodes;
import io.lookersim.spec.Shaper;
import io.lookersim.store.Filter;
import io.lookersim.store.Listing;
import io.lookersim.store.Store;
import io.lookersim.store.Trash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Scheduled plans (own plans unless all_users=true) and alerts (own alerts unless all_owners=true). Thread-safe. */
public final class PlanAlertOps extends OperationGroup {
    public PlanAlertOps(Store st, Views v) { super(st, v); }

    public void register(Api api) {
        api.on("all_scheduled_plans", r -> plans(r, n -> true))
                .on("scheduled_plans_for_dashboard", r -> {
                    need(st.dashboards, r.param("dashboard_id"));
                    return plans(r, n -> r.param("dashboard_id").equals(JsonNodes.text(n, "dashboard_id")));
                })
                .on("scheduled_plans_for_look", r -> {
                    need(st.looks, r.param("look_id"));
                    return plans(r, n -> r.param("look_id").equals(JsonNodes.text(n, "look_id")));
                })
                .on("scheduled_plan", r -> one(r, plan(need(st.plans, r.param("scheduled_plan_id")))))
                .on("create_scheduled_plan", this::createPlan).on("update_scheduled_plan", this::updatePlan)
                .on("delete_scheduled_plan", r -> st.write(() -> {
                    need(st.plans, r.param("scheduled_plan_id"));
                    st.plans.remove(id(r.param("scheduled_plan_id")));
                    return ApiResponse.noContent();
                }))
                .on("search_alerts", this::searchAlerts)
                .on("get_alert", r -> one(r, alert(need(st.alerts, r.param("alert_id")))))
                .on("create_alert", this::createAlert).on("update_alert", this::updateAlert)
                .on("delete_alert", r -> st.write(() -> {
                    need(st.alerts, r.param("alert_id"));
                    st.alerts.remove(id(r.param("alert_id")));
                    return ApiResponse.noContent();
                }));
    }

    private ApiResponse plans(ApiRequest r, Predicate<ObjectNode> target) {
        String owner = r.q("user_id") != null ? r.q("user_id") : r.qBool("all_users") ? null : r.userId();
        List<ObjectNode> out = new ArrayList<>();
        for (long id = 1; id <= st.plans.maxId(); id++) {
            ObjectNode n = st.plans.get(id);
            if (n != null && target.test(n) && (owner == null || owner.equals(JsonNodes.text(n, "user_id")))) out.add(n);
        }
        return Listing.ofList(r, out, this::plan, false);
    }

    private ObjectNode plan(ObjectNode p) {
        ObjectNode n = p.deepCopy();
        ObjectNode u = st.users.get(JsonNodes.text(p, "user_id"));
        if (u != null) {
            ObjectNode up = JsonNodes.obj().put("id", JsonNodes.text(u, "id")).put("first_name", JsonNodes.text(u, "first_name"))
                    .put("last_name", JsonNodes.text(u, "last_name")).put("display_name", JsonNodes.text(u, "display_name"))
                    .put("avatar_url", JsonNodes.text(u, "avatar_url")).put("url", JsonNodes.text(u, "url"));
            up.set("can", JsonNodes.obj());
            n.set("user", up);
        }
        ObjectNode t = p.hasNonNull("dashboard_id") ? st.dashboards.get(JsonNodes.text(p, "dashboard_id")) : st.looks.get(JsonNodes.text(p, "look_id"));
        n.put("title", t == null ? null : JsonNodes.text(t, "title"));
        return Shaper.shape("ScheduledPlan", n);
    }

    private void validatePlan(JsonNode n) {
        if (!n.hasNonNull("name")) throw ApiError.missing("name");
        if (!n.hasNonNull("look_id") && !n.hasNonNull("dashboard_id") && !n.hasNonNull("lookml_dashboard_id") && !n.hasNonNull("query_id")) {
            throw ApiError.missing("dashboard_id");
        }
        if (n.hasNonNull("dashboard_id") && st.dashboards.get(JsonNodes.text(n, "dashboard_id")) == null) throw ApiError.validation("dashboard_id", "invalid", "Dashboard not found");
        if (n.hasNonNull("look_id") && st.looks.get(JsonNodes.text(n, "look_id")) == null) throw ApiError.validation("look_id", "invalid", "Look not found");
        if (!n.hasNonNull("crontab") && !n.hasNonNull("datagroup")) throw ApiError.missing("crontab");
        if (!n.path("scheduled_plan_destination").isArray() || n.path("scheduled_plan_destination").isEmpty()) {
            throw ApiError.missing("scheduled_plan_destination");
        }
    }

    private ApiResponse createPlan(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            long id = st.plans.newId();
            ObjectNode n = JsonNodes.obj().put("id", s(id)).put("user_id", r.userId()).put("enabled", true).put("run_once", false);
            Shaper.mergeWritable("ScheduledPlan", b, n);
            n.remove("user");
            if (b.hasNonNull("user_id") && st.users.get(b.get("user_id").asText()) == null) throw ApiError.validation("user_id", "invalid", "User not found");
            validatePlan(n);
            n.set("scheduled_plan_destination", destinations(n.get("scheduled_plan_destination"), id));
            n.put("created_at", st.nowIso()).put("updated_at", st.nowIso());
            n.set("can", JsonNodes.obj().put("show", true).put("update", true).put("destroy", true));
            st.plans.put(id, n);
            return one(r, plan(n));
        });
    }

    /** Destinations get ids; secret_parameters are accepted and never returned (write-only). */
    private ArrayNode destinations(JsonNode in, long plan) {
        ArrayNode out = JsonNodes.arr();
        long k = plan * 1000;
        for (JsonNode d : in) {
            ObjectNode o = JsonNodes.obj().put("id", s(d.hasNonNull("id") && d.get("id").asText().matches("\\d+") ? d.get("id").asLong() : k++))
                    .put("looker_recipient", false);
            Shaper.mergeWritable("ScheduledPlanDestination", d, o);
            o.put("scheduled_plan_id", s(plan));
            out.add(o);
        }
        return out;
    }

    private ApiResponse updatePlan(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = need(st.plans, r.param("scheduled_plan_id")).deepCopy();
            long id = id(JsonNodes.text(n, "id"));
            Shaper.mergeWritable("ScheduledPlan", b, n);
            n.remove("user");
            validatePlan(n);
            if (b.has("scheduled_plan_destination")) n.set("scheduled_plan_destination", destinations(n.get("scheduled_plan_destination"), id));
            n.put("updated_at", st.nowIso());
            st.plans.put(id, n);
            return one(r, plan(n));
        });
    }

    private ApiResponse searchAlerts(ApiRequest r) {
        String me = r.userId();
        boolean all = r.qBool("all_owners");
        Filter f = Filter.of(r, "disabled", "is_disabled");
        Predicate<ObjectNode> extra = all ? null : n -> me.equals(JsonNodes.text(n, "owner_id"));
        return Listing.list(r, new Listing.Spec(st.alerts, false, Trash.ANY, f, extra, this::alert, true));
    }

    private ObjectNode alert(ObjectNode a) {
        ObjectNode n = a.deepCopy();
        n.put("owner_display_name", JsonNodes.text(st.users.get(JsonNodes.text(a, "owner_id")), "display_name"));
        ObjectNode e = st.elements.get(JsonNodes.text(a, "dashboard_element_id"));
        n.put("investigative_content_title", e == null ? null : JsonNodes.text(e, "title"));
        return Shaper.shape("Alert", n);
    }

    private void validateAlert(JsonNode n) {
        for (String f : new String[]{"comparison_type", "cron", "destinations", "field", "owner_id", "threshold"}) {
            if (!n.hasNonNull(f)) throw ApiError.missing(f);
        }
        if (st.users.get(JsonNodes.text(n, "owner_id")) == null) throw ApiError.validation("owner_id", "invalid", "User not found");
        if (n.hasNonNull("dashboard_element_id") && st.elements.get(JsonNodes.text(n, "dashboard_element_id")) == null) {
            throw ApiError.validation("dashboard_element_id", "invalid", "Dashboard element not found");
        }
        if (!n.path("field").hasNonNull("name") || !n.path("field").hasNonNull("title")) throw ApiError.missing("field");
    }

    private ApiResponse createAlert(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode n = JsonNodes.obj().put("is_disabled", false).put("is_public", false).put("show_custom_url", false)
                    .put("followed", false).put("followable", true);
            Shaper.mergeWritable("Alert", b, n);
            validateAlert(n);
            long id = st.alerts.newId();
            n.put("id", s(id));
            st.alerts.put(id, n);
            return ApiResponse.ok(alert(n));
        });
    }

    /** PUT replaces the alert: the required fields must all be given again. */
    private ApiResponse updateAlert(ApiRequest r) {
        JsonNode b = body(r);
        return st.write(() -> {
            ObjectNode old = need(st.alerts, r.param("alert_id"));
            ObjectNode n = JsonNodes.obj().put("id", JsonNodes.text(old, "id")).put("followed", old.path("followed").asBoolean())
                    .put("followable", true).put("is_disabled", false).put("is_public", false).put("show_custom_url", false);
            Shaper.mergeWritable("Alert", b, n);
            validateAlert(n);
            st.alerts.put(id(JsonNodes.text(n, "id")), n);
            return ApiResponse.ok(alert(n));
        });
    }
}
