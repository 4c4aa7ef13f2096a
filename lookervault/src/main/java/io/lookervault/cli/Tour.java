package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of {@code tour}. Every LookerVault step is the real command run in-process with the simulator's
 * settings in its environment, printed first as the line an admin would type. Narration goes to stderr, the
 * commands' own output to stdout.
 */
final class Tour {
    private final CliContext ctx;
    private final LookerSim sim;
    private final String db;
    private final LookerApi hands;
    private final Map<String, String> env;
    private final Damage damage = new Damage();
    private int step;

    Tour(CliContext ctx, LookerSim sim, String db, LookerApi hands) {
        this.ctx = ctx;
        this.sim = sim;
        this.db = db;
        this.hands = hands;
        Map<String, String> e = new HashMap<>(ctx.env());
        e.put("LOOKERSDK_BASE_URL", sim.baseUrl());
        e.put("LOOKERSDK_CLIENT_ID", sim.clientId());
        e.put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        // the commands run with their defaults (rate_limit_per_second = auto), exactly as the user will run them
        e.remove("LOOKERVAULT_DB");
        this.env = Map.copyOf(e);
    }

    int run() throws LookerException, InterruptedException {
        say("Point LookerVault at a Looker. Here it is a simulated one in this process; for yours, create API "
                + "credentials for an admin user and export them the same way:");
        show("export LOOKERSDK_BASE_URL=" + sim.baseUrl() + " LOOKERSDK_CLIENT_ID=" + sim.clientId()
                + " LOOKERSDK_CLIENT_SECRET=...");
        require(lv("check"));
        say("Back up everything into " + db + " (a single SQLite file). Run this nightly.");
        require(lv("extract"));
        say("Disaster strikes. In Looker, on the same afternoon:");
        damage.inflict(hands, this::tell);
        say("Back up again. An incremental run fetches only what changed; deletions come from the listings.");
        require(lv("extract", "--incremental"));
        say("Find the damage: what changed between the backup before and the one after.");
        require(lv("diff"));
        say("Undo it: restore each item as run 1 saw it. A dry run first shows what would be written.");
        require(lv("restore", "single", "dashboards", damage.dashboardId, "--run", "1", "--dry-run"));
        require(lv("restore", "single", "dashboards", damage.dashboardId, "--run", "1"));
        require(lv("restore", "single", "folders", damage.folderId, "--run", "1"));
        require(lv("restore", "single", "users", damage.userId, "--run", "1"));
        say("Prove it: back up once more, and check the vault against what Looker lists now.");
        require(lv("extract", "--incremental"));
        require(lv("verify", "--against-source"));
        List<String> missing = damage.stillBroken(hands);
        if (!missing.isEmpty()) {
            missing.forEach(m -> tell("NOT undone: " + m));
            return ExitCodes.PARTIAL;
        }
        say("Done: the dashboard is back, the folder is where it was, the user is in the group again. The vault "
                + db + " stays; try '" + DemoSteps.launcher(ctx) + " --db " + db + " runs' or 'history'. Against "
                + "your own Looker, the same commands work with your LOOKERSDK_* settings (see the README).");
        return ExitCodes.OK;
    }

    /** Runs one LookerVault command in-process, printed first as typed; returns its exit code. */
    private int lv(String... args) {
        List<String> full = new ArrayList<>(List.of("--db", db));
        full.addAll(List.of(args));
        show(DemoSteps.launcher(ctx) + " " + String.join(" ", full));
        return Main.run(full.toArray(String[]::new), new CliContext(ctx.out(), ctx.err(), env, ctx.workingDir(),
                ctx.shutdown()));
    }

    private void require(int code) {
        if (code != ExitCodes.OK) {
            throw new CommandException(code == ExitCodes.INTERRUPTED ? code : ExitCodes.PARTIAL,
                    "tour: step " + step + " failed (exit " + code + "); its output is above");
        }
    }

    private void say(String text) {
        step++;
        ctx.err().printf("%n== %d. %s%n", step, text);
    }

    private void tell(String text) {
        ctx.err().println("   " + text);
    }

    private void show(String command) {
        ctx.err().println("$ " + command);
        ctx.err().flush();
    }

    /** What the tour breaks, chosen from what the instance holds, and how to tell that it is whole again. */
    static final class Damage {
        String dashboardId;
        String dashboardTitle;
        String dashboardFolder;
        String folderId;
        String folderName;
        String folderParent;
        String userId;
        String groupId;
        String userName;
        String groupName;

        void inflict(LookerApi api, java.util.function.Consumer<String> tell)
                throws LookerException, InterruptedException {
            JsonNode dash = first(api.get("/dashboards/search", Map.of("fields", "id,title,folder_id",
                    "sorts", "id", "limit", "50")), d -> !d.path("folder_id").asText().isEmpty());
            dashboardId = dash.path("id").asText();
            dashboardTitle = dash.path("title").asText();
            dashboardFolder = dash.path("folder_id").asText();
            api.delete("/dashboards/" + dashboardId, Map.of());
            tell.accept("someone deletes the dashboard '" + dashboardTitle + "' (id " + dashboardId + ")");

            JsonNode folders = api.get("/folders/search", Map.of("fields", "id,name,parent_id,is_personal,"
                    + "is_personal_descendant,is_shared_root,is_users_root", "sorts", "id", "limit", "200"));
            JsonNode folder = first(folders, f -> movable(f) && !f.path("parent_id").asText().isEmpty()
                    && !isRoot(folders, f.path("parent_id").asText()));
            JsonNode target = first(folders, f -> movable(f) && !f.path("id").asText().equals(folder.path("id").asText())
                    && !f.path("id").asText().equals(folder.path("parent_id").asText()));
            folderId = folder.path("id").asText();
            folderName = folder.path("name").asText();
            folderParent = folder.path("parent_id").asText();
            api.patch("/folders/" + folderId, Map.of(),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                            .put("parent_id", target.path("id").asText()));
            tell.accept("someone moves the folder '" + folderName + "' into '" + target.path("name").asText() + "'");

            JsonNode user = first(api.get("/users", Map.of("fields", "id,display_name,group_ids", "sorts", "id",
                    "limit", "100")), u -> !u.path("id").asText().equals("1") && u.path("group_ids").size() > 0);
            userId = user.path("id").asText();
            userName = user.path("display_name").asText();
            groupId = user.path("group_ids").get(0).asText();
            groupName = api.get("/groups/" + groupId, Map.of("fields", "name")).path("name").asText();
            api.delete("/groups/" + groupId + "/users/" + userId, Map.of());
            tell.accept("someone takes " + userName + " out of the group '" + groupName + "'");
        }

        List<String> stillBroken(LookerApi api) throws LookerException, InterruptedException {
            List<String> out = new ArrayList<>();
            JsonNode found = api.get("/dashboards/search", Map.of("title", dashboardTitle, "folder_id",
                    dashboardFolder, "fields", "id"));
            if (found.size() == 0) {
                out.add("dashboard '" + dashboardTitle + "' is not in its folder");
            }
            String parent = api.get("/folders/" + folderId, Map.of("fields", "parent_id")).path("parent_id").asText();
            if (!parent.equals(folderParent)) {
                out.add("folder '" + folderName + "' is under " + parent + ", not " + folderParent);
            }
            boolean member = false;
            for (JsonNode g : api.get("/users/" + userId, Map.of("fields", "group_ids")).path("group_ids")) {
                member |= g.asText().equals(groupId);
            }
            if (!member) {
                out.add(userName + " is not in the group '" + groupName + "'");
            }
            return out;
        }

        private static boolean movable(JsonNode f) {
            return !f.path("is_personal").asBoolean() && !f.path("is_personal_descendant").asBoolean()
                    && !f.path("is_shared_root").asBoolean() && !f.path("is_users_root").asBoolean();
        }

        private static boolean isRoot(JsonNode folders, String id) {
            for (JsonNode f : folders) {
                if (f.path("id").asText().equals(id)) {
                    return f.path("is_shared_root").asBoolean() || f.path("is_users_root").asBoolean();
                }
            }
            return true;
        }

        private static JsonNode first(JsonNode rows, java.util.function.Predicate<JsonNode> ok) {
            for (JsonNode r : rows) {
                if (ok.test(r)) {
                    return r;
                }
            }
            throw new IllegalStateException("the simulated instance has nothing the tour can break; try a larger --scale");
        }
    }
}
