package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
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
    /** One step: {@code name} keys its checkpoints, {@code source} says which backed-up items it visits. */
    record Step(String name, ContentType source, TypeRestorer restorer) {
        /** Whether the step restores its source items themselves (not a revisit), so it maps their ids. */
        boolean mapsItems() {
            return name.equals(source.key());
        }
    }

    /** Restorers by type key, for reference lookups by natural key. */
    static Map<String, TypeRestorer> restorers() {
        Map<String, TypeRestorer> m = new LinkedHashMap<>();
        for (Step s : steps()) {
            if (s.mapsItems()) {
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
        add(out, post("group_groups", ContentType.GROUPS, AdminRestorers::groupGroups));
        add(out, post("role_groups", ContentType.ROLES, AdminRestorers::roleGroups));
        add(out, AdminRestorers.userAttributes());
        add(out, new UserRestorer());
        add(out, new FolderRestorer());
        // users come before folders (folders have owners), so a home folder is set once folders exist
        add(out, post("user_home_folders", ContentType.USERS, UserRestorer::homeFolder));
        add(out, new LookRestorer());
        add(out, new DashboardRestorer());
        add(out, new AccessRestorer());
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
        return steps().stream().map(s -> s.source().key()).distinct().toList();
    }

    static List<String> stepNames() {
        return steps().stream().map(Step::name).toList();
    }

    private static void add(List<Step> out, TypeRestorer r) {
        out.add(new Step(r.type(), r.source(), r));
    }

    /** Work on an item that already exists at the destination. */
    @FunctionalInterface
    interface PostWork {
        List<String> run(JsonNode doc, String destId, RestoreContext ctx, List<String> notes)
                throws LookerException, InterruptedException;
    }

    private static TypeRestorer post(String name, ContentType sourceType, PostWork work) {
        return new TypeRestorer() {
            @Override
            public String type() {
                return name;
            }

            @Override
            public ContentType source() {
                return sourceType;
            }

            @Override
            public JsonNode findExisting(JsonNode doc, RestoreContext ctx) {
                return null;
            }

            @Override
            public Outcome restore(String sourceId, JsonNode doc, RestoreContext ctx) throws LookerException, InterruptedException {
                List<String> notes = new ArrayList<>();
                String dest = ctx.ids.ref(sourceType.key(), sourceId);
                if (dest == null) {
                    notes.add(sourceType.key() + " " + sourceId + " not at the destination");
                    return new Outcome(name, sourceId, null, Outcome.Action.SKIPPED, List.of(), notes);
                }
                List<String> parts = work.run(doc, dest, ctx, notes);
                return new Outcome(name, sourceId, dest, parts.isEmpty() ? Outcome.Action.UNCHANGED
                        : Outcome.Action.UPDATE, parts, notes);
            }
        };
    }
}
