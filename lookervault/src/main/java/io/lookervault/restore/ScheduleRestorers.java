package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerException;
import java.util.List;
import java.util.Map;

/** Scheduled plans (by name and target) and alerts (by element, owner and field), restored last. */
final class ScheduleRestorers {
    private ScheduleRestorers() {}

    static TypeRestorer plans() {
        return new BaseRestorer(ContentType.SCHEDULED_PLANS) {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String dash = ctx.ids.ref("dashboards", doc.path("dashboard_id"));
                String look = ctx.ids.ref("looks", doc.path("look_id"));
                JsonNode all = ctx.dest.get(contentType.listPath(), contentType.listQuery());
                for (JsonNode p : all) {
                    if (JsonFields.same(doc.path("name"), p.path("name")) && eq(dash, JsonFields.text(p, "dashboard_id"))
                            && eq(look, JsonFields.text(p, "look_id"))) {
                        return p;
                    }
                }
                return null;
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = ctx.write.body("ScheduledPlan", doc);
                translate(b, "dashboard_id", "dashboards", ctx, notes);
                translate(b, "look_id", "looks", ctx, notes);
                LookRestorer.owner(b, "user_id", doc, ctx, notes);
                b.remove("query_id");
                if (doc.path("query_id").isTextual() && !b.hasNonNull("dashboard_id") && !b.hasNonNull("look_id")) {
                    notes.add("plan on a bare query: its query is not in the backup");
                }
                for (JsonNode d : b.path("scheduled_plan_destination")) {
                    ((ObjectNode) d).remove("scheduled_plan_id");
                }
                if (b.path("scheduled_plan_destination").size() > 0) {
                    notes.add("destination secret_parameters are write-only in Looker and not in the backup");
                }
                return b;
            }

            @Override
            JsonNode comparable(JsonNode dest) {
                ObjectNode c = dest.deepCopy();
                for (JsonNode d : c.path("scheduled_plan_destination")) {
                    ((ObjectNode) d).remove("scheduled_plan_id");
                }
                return c;
            }
        };
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    static TypeRestorer alerts() {
        return new BaseRestorer(ContentType.ALERTS) {
            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                String element = ctx.ids.ref("dashboard_elements", doc.path("dashboard_element_id"));
                if (element == null) {
                    return null;
                }
                for (long offset = 0; ; offset += 500) {
                    var page = ctx.dest.page(contentType.listPath(), contentType.listQuery(), offset, 500);
                    for (JsonNode a : page.items()) {
                        if (element.equals(JsonFields.text(a, "dashboard_element_id"))
                                && JsonFields.same(doc.path("field"), a.path("field"))
                                && JsonFields.same(doc.path("threshold"), a.path("threshold"))
                                && JsonFields.same(doc.path("comparison_type"), a.path("comparison_type"))) {
                            return a;
                        }
                    }
                    if (page.isLast(500)) {
                        return null;
                    }
                }
            }

            @Override
            ObjectNode body(JsonNode doc, RestoreContext ctx, List<String> notes) throws LookerException, InterruptedException {
                ObjectNode b = ctx.write.body("Alert", doc);
                b.remove("query_id");
                translate(b, "dashboard_element_id", "dashboard_elements", ctx, notes);
                String owner = ctx.ids.ref("users", doc.path("owner_id"));
                if (owner == null) {
                    owner = ctx.facts.me();
                    notes.add("owner " + doc.path("owner_id").asText() + " not at the destination; owned by the"
                            + " restoring user (as gzr does)");
                }
                b.put("owner_id", owner);
                return b;
            }

            @Override
            void update(String destId, ObjectNode changed, ObjectNode full, RestoreContext ctx, List<String> notes)
                    throws LookerException, InterruptedException {
                // update_alert is a PUT: every required field again
                ctx.dest.put(path(destId), full);
            }
        };
    }
}
