package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The restore order of NOTES §10.2 as a list of steps. A step restores the items of one backed-up type;
 * membership steps revisit roles and groups once every group exists; content access revisits folders once
 * all content exists. Immutable.
 */
final class RestoreOrder {
    /**
     * One step: {@code name} keys its checkpoints, {@code source} says which backed-up items it visits, and
     * {@code after} names the steps whose items it references, which must be finished before it starts (a bulk
     * restore runs steps with nothing between them at the same time). Of those, the steps in {@code byItem} are
     * waited for item by item instead: the step starts once the others are done, and each of its items once the
     * very items it names ({@code refs}) are restored, so that a dashboard does not wait for four hundred looks
     * it does not show. {@code byItem} may name the step itself (a folder waits for its parent).
     */
    record Step(String name, ContentType source, TypeRestorer restorer, Set<String> after, Set<String> byItem,
                Set<String> startsAfter, ItemRefs refs) {
        Step {
            after = Set.copyOf(after);
            byItem = Set.copyOf(byItem);
            startsAfter = Set.copyOf(startsAfter);
        }

        /** Whether the step restores its source items themselves (not a revisit), so it maps their ids. */
        boolean mapsItems() {
            return name.equals(source.key());
        }
    }

    /** What one backed-up item names of the steps it waits for item by item: {@code ref.accept(step, sourceId)}. */
    @FunctionalInterface
    interface ItemRefs {
        ItemRefs NONE = (doc, ref) -> { };

        void each(JsonNode doc, java.util.function.BiConsumer<String, String> ref);

        /** The ids in {@code field} of {@code node}, for {@code step}. */
        static void field(JsonNode node, String field, String step, java.util.function.BiConsumer<String, String> ref) {
            String id = JsonFields.text(node, field);
            if (id != null) {
                ref.accept(step, id);
            }
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

    /**
     * The plan, built once: restorers are stateless (what a run learns lives in its {@code RestoreContext}), so
     * one set serves every run, and the job's lookups by step name do not build every restorer again.
     */
    private static final List<Step> STEPS = build();

    static List<Step> steps() {
        return STEPS;
    }

    private static List<Step> build() {
        List<Step> out = new ArrayList<>();
        // the instance first (issue #11), one step after another: tunnels need their servers, connections their
        // tunnels, models their projects and connections; the project step switches the API session to dev mode
        // while it writes, so nothing else runs beside it
        add(out, InstanceRestorers.sshServers());
        add(out, InstanceRestorers.sshTunnels());
        // connections name the external OAuth application they log in through
        add(out, IntegrationRestorers.externalOauthApplications());
        add(out, InstanceRestorers.connections());
        add(out, new ProjectRestorer());
        // model configurations next: model sets, looks and dashboards name models
        add(out, new ModelRestorer(), Set.of("projects"));
        add(out, AdminRestorers.permissionSets(), Set.of("projects"));
        // datagroups come with their models; colours before the themes that name them; both before dashboards.
        // Each waits for projects: nothing runs beside the project step's dev-mode session
        add(out, AppearanceRestorers.datagroups(), Set.of("lookml_models"));
        add(out, AppearanceRestorers.colorCollections(), Set.of("projects"));
        add(out, AppearanceRestorers.themes(), Set.of("color_collections"));
        add(out, AppearanceRestorers.defaults(), Set.of("themes", "color_collections"));
        add(out, AdminRestorers.modelSets(), Set.of("lookml_models"));
        add(out, AdminRestorers.roles(), Set.of("permission_sets", "model_sets"));
        add(out, AdminRestorers.groups(), Set.of("projects"));
        add(out, post("group_groups", ContentType.GROUPS, AdminRestorers::groupGroups), Set.of("groups"));
        add(out, post("role_groups", ContentType.ROLES, AdminRestorers::roleGroups), Set.of("roles", "groups"));
        add(out, AdminRestorers.userAttributes(), Set.of("groups"));
        add(out, IntegrationRestorers.hubs(), Set.of("projects"));
        add(out, IntegrationRestorers.integrations(), Set.of("integration_hubs"));
        add(out, IntegrationRestorers.oauthClientApps(), Set.of("groups"));
        add(out, new UserRestorer(), Set.of("roles", "groups", "user_attributes"));
        // a folder waits for its parent; looks and dashboards for their folder (and a dashboard for the looks its
        // tiles show), not for the whole step: the folder tree, looks and dashboards overlap (issue #12)
        add(out, new FolderRestorer(), Set.of("users"), Set.of("folders"),
                (doc, ref) -> ItemRefs.field(doc, "parent_id", "folders", ref));
        // users come before folders (folders have owners), so a home folder is set once folders exist
        add(out, post("user_home_folders", ContentType.USERS, UserRestorer::homeFolder), Set.of("users", "folders"));
        add(out, new LookRestorer(), Set.of("lookml_models", "users", "folders"), Set.of("folders"),
                (doc, ref) -> ItemRefs.field(doc, "folder_id", "folders", ref));
        add(out, new DashboardRestorer(), Set.of("lookml_models", "users", "folders", "looks", "themes",
                "color_collections"), Set.of("folders", "looks"), (doc, ref) -> {
                    ItemRefs.field(doc, "folder_id", "folders", ref);
                    doc.path("dashboard_elements").forEach(e -> ItemRefs.field(e, "look_id", "looks", ref));
                });
        // after dashboards: what restoring a LookML dashboard brings back is its linked user-defined copies
        add(out, new LookmlDashboardRestorer(), Set.of("lookml_models", "folders", "dashboards"));
        // grants are revisited once all content exists (NOTES §10.2)
        add(out, new AccessRestorer(), Set.of("groups", "users", "folders", "looks", "dashboards"));
        add(out, new BoardRestorer(), Set.of("users", "looks", "dashboards"), Set.of("looks", "dashboards"), (doc, ref) -> {
            for (JsonNode s : doc.path("board_sections")) {
                for (JsonNode i : s.path("board_items")) {
                    ItemRefs.field(i, "dashboard_id", "dashboards", ref);
                    ItemRefs.field(i, "look_id", "looks", ref);
                }
            }
        });
        add(out, ScheduleRestorers.plans(), Set.of("users", "looks", "dashboards"), Set.of("looks", "dashboards"),
                (doc, ref) -> {
                    ItemRefs.field(doc, "dashboard_id", "dashboards", ref);
                    ItemRefs.field(doc, "look_id", "looks", ref);
                });
        add(out, ScheduleRestorers.alerts(), Set.of("users", "dashboards"));
        // after all content, each waiting for every step before it
        add(out, new SingletonRestorer("settings"));
        // auth configs last: their mappings name roles, groups and user attributes, and enabling one changes logins
        add(out, new SingletonRestorer("saml_config"));
        add(out, new SingletonRestorer("oidc_config"));
        add(out, new SingletonRestorer("ldap_config"));
        return List.copyOf(out);
    }

    /** Type keys a user may name on the command line (the steps' source types). */
    static List<String> typeKeys() {
        return steps().stream().map(s -> s.source().key()).distinct().toList();
    }

    static List<String> stepNames() {
        return steps().stream().map(Step::name).toList();
    }

    /** Adds a step that waits for every step before it: the safe default for a new type. */
    private static void add(List<Step> out, TypeRestorer r) {
        add(out, r, out.stream().map(Step::name).collect(java.util.stream.Collectors.toSet()));
    }

    /** Adds a step that waits only for {@code after} (each of which must already be in the plan). */
    private static void add(List<Step> out, TypeRestorer r, Set<String> after) {
        add(out, r, after, Set.of(), ItemRefs.NONE);
    }

    /** Adds a step that waits for {@code after}, for those in {@code byItem} item by item (see {@link Step}). */
    private static void add(List<Step> out, TypeRestorer r, Set<String> after, Set<String> byItem, ItemRefs refs) {
        for (String a : after) {
            if (out.stream().noneMatch(s -> s.name().equals(a))) {
                throw new IllegalStateException("step " + r.type() + " waits for " + a + ", which is not before it");
            }
        }
        for (String b : byItem) {
            if (!after.contains(b) && !b.equals(r.type())) {
                throw new IllegalStateException("step " + r.type() + " waits item by item for " + b + ", not in after");
            }
        }
        // what must be finished before the step starts: the steps it waits for as a whole, and what those it waits
        // for item by item needed before they started (an empty board still needs its owner, a user)
        Set<String> starts = new java.util.HashSet<>(after);
        starts.removeAll(byItem);
        for (Step s : out) {
            if (byItem.contains(s.name())) {
                starts.addAll(s.startsAfter());
            }
        }
        out.add(new Step(r.type(), r.source(), r, after, byItem, starts, refs));
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
