package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The restore order of NOTES §10.2 as a list of steps. A step restores the items of one backed-up type;
 * membership steps revisit roles and groups once every group exists; content access revisits folders once
 * all content exists. Immutable.
 */
final class RestoreOrder {
    /** One step: {@code name} keys its checkpoints, {@code sourceType} says which backed-up items it visits. */
    record Step(String name, String sourceType, TypeRestorer restorer) {}

    /** Restorers by type key, for reference lookups by natural key. */
    static Map<String, TypeRestorer> restorers() {
        Map<String, TypeRestorer> m = new LinkedHashMap<>();
        for (Step s : steps()) {
            if (s.name().equals(s.sourceType())) {
                m.put(s.name(), s.restorer());
            }
        }
        return m;
    }

    static List<Step> steps() {
        List<Step> out = new ArrayList<>();
        // the instance first (issue #11): tunnels need their servers, connections their tunnels, models their
        // projects and connections
        add(out, InstanceRestorers.sshServers());
        add(out, InstanceRestorers.sshTunnels());
        add(out, InstanceRestorers.connections());
        add(out, new ProjectRestorer());
        // model configurations next: model sets, looks and dashboards name models
        add(out, new ModelRestorer());
        add(out, AdminRestorers.permissionSets());
        add(out, AdminRestorers.modelSets());
        add(out, AdminRestorers.roles());
        add(out, AdminRestorers.groups());
        out.add(new Step("group_groups", "groups", post("group_groups", "groups", AdminRestorers::groupGroups)));
        out.add(new Step("role_groups", "roles", post("role_groups", "roles", AdminRestorers::roleGroups)));
        add(out, AdminRestorers.userAttributes());
        add(out, new UserRestorer());
        add(out, new FolderRestorer());
        // users come before folders (folders have owners), so a home folder is set once folders exist
        out.add(new Step("user_home_folders", "users", post("user_home_folders", "users", UserRestorer::homeFolder)));
        add(out, new LookRestorer());
        add(out, new DashboardRestorer());
        out.add(new Step("content_access", "folders", new AccessRestorer()));
        add(out, new BoardRestorer());
        add(out, ScheduleRestorers.plans());
        add(out, ScheduleRestorers.alerts());
        add(out, new SingletonRestorer("settings"));
        // auth configs last: their mappings name roles, groups and user attributes, and enabling one changes logins
        add(out, new SingletonRestorer("saml_config"));
        add(out, new SingletonRestorer("oidc_config"));
        add(out, new SingletonRestorer("ldap_config"));
        return out;
    }

    /** Type keys a user may name on the command line (the steps' source types). */
    static List<String> typeKeys() {
        return steps().stream().map(Step::sourceType).distinct().toList();
    }

    static List<String> stepNames() {
        return steps().stream().map(Step::name).toList();
    }

    private static void add(List<Step> out, TypeRestorer r) {
        out.add(new Step(r.type(), r.type(), r));
    }

    /** Work on an item that already exists at the destination. */
    @FunctionalInterface
    interface PostWork {
        List<String> run(JsonNode doc, String destId, RestoreContext ctx, List<String> notes)
                throws LookerException, InterruptedException;
    }

    private static TypeRestorer post(String name, String sourceType, PostWork work) {
        return new TypeRestorer() {
            @Override
            public String type() {
                return name;
            }

            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) {
                return null;
            }

            @Override
            public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                List<String> notes = new ArrayList<>();
                String dest = ctx.ids.ref(sourceType, sourceId);
                if (dest == null) {
                    notes.add(sourceType + " " + sourceId + " not at the destination");
                    return new Outcome(name, sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
                }
                List<String> parts = work.run(doc, dest, ctx, notes);
                return new Outcome(name, sourceId, dest, parts.isEmpty() ? Outcome.Action.UNCHANGED
                        : Outcome.Action.UPDATE, parts, notes);
            }
        };
    }
}
