package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.looker.NotFoundException;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same instance: a deleted folder with content and a broken dashboard are put back as the backup holds them. */
class DisasterIT {
    @TempDir
    Path dir;

    @Test
    void aDeletedFolderAndABrokenDashboardAreRestoredInPlace() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(150); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport run1 = RestoreHarness.extract(sim, db);
            Picks p = pick(db, run1.runId());
            JsonNode before = api.get("/dashboards/" + p.dashboard, Map.of());

            api.delete("/folders/" + p.folder, Map.of());
            api.patch("/dashboards/" + p.dashboard, Map.of(), Canon.JSON.createObjectNode().put("title", "oops"));
            JsonNode els = before.path("dashboard_elements");
            api.delete("/dashboard_elements/" + els.get(0).path("id").asText(), Map.of());
            api.delete("/dashboard_elements/" + els.get(1).path("id").asText(), Map.of());
            assertThatGone(api, "/folders/" + p.folder);

            int mark = sim.requestLog().size();
            RestoreReport plan = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", p.dashboard, null,
                    null, true));
            assertThat(onlyReads(sim.requestLog().subList(mark, sim.requestLog().size()))).isTrue();
            Outcome o = plan.outcomes().get(plan.outcomes().size() - 1);
            assertThat(o.action()).isEqualTo(Outcome.Action.UPDATE);
            assertThat(o.fields()).contains("title", "elements");

            RestoreReport single = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", p.dashboard,
                    null, null, false));
            assertThat(single.status()).isEqualTo(RunStatus.COMPLETED);
            RestoreReport bulk = RestoreHarness.restore(sim, db, new RestoreOptions(RestoreOptions.Command.BULK, List.of(), List.of(),
                    List.of(p.folder), true, null, null, 4, false));
            assertThat(bulk.status()).as(bulk.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(bulk.count(Outcome.Action.CREATE)).isPositive();

            JsonNode after = api.get("/dashboards/" + p.dashboard, Map.of());
            Set<String> kept = new HashSet<>();
            after.path("dashboard_elements").forEach(e -> kept.add(e.path("id").asText()));
            for (int i = 2; i < els.size(); i++) {
                assertThat(kept).as("surviving tiles are updated in place, not recreated")
                        .contains(els.get(i).path("id").asText());
            }
            Path db2 = dir.resolve("after.db");
            ExtractReport run2 = RestoreHarness.extract(sim, db2);
            List<String> problems = RoundTripIT.compare(db, run1.runId(), db2, run2.runId(), sim.baseUrl(),
                    sim.baseUrl(), (t, id) -> p.scope.contains(t + "/" + id), false);
            assertThat(problems).isEmpty();
            assertThat(p.scope).anyMatch(s -> s.startsWith("looks/")).anyMatch(s -> s.startsWith("folders/"));
        }
    }

    @Test
    void aUserAddedToTheWrongGroupLeavesItButKeepsGroupsTheBackupNeverKnew() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(80); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport run1 = RestoreHarness.extract(sim, db);
            String user = null;
            String wrong = null;
            try (Vault v = Vault.open(db)) {
                for (String g : v.snapshot("groups", run1.runId()).keySet()) {
                    JsonNode group = Canon.JSON.readTree(v.json("groups", g, run1.runId()).orElseThrow());
                    if (group.path("externally_managed").asBoolean(false)) {
                        continue;
                    }
                    for (String u : v.snapshot("users", run1.runId()).keySet()) {
                        JsonNode doc = Canon.JSON.readTree(v.json("users", u, run1.runId()).orElseThrow());
                        boolean member = false;
                        for (JsonNode id : doc.path("group_ids")) {
                            member |= id.asText().equals(g);
                        }
                        if (!member && user == null) {
                            user = u;
                            wrong = g;
                        }
                    }
                }
            }
            assertThat(user).as("a user outside some group of the backup").isNotNull();
            String fresh = api.post("/groups", Map.of(), Canon.JSON.createObjectNode().put("name", "made later"))
                    .path("id").asText();
            api.post("/groups/" + wrong + "/users", Map.of(), Canon.JSON.createObjectNode().put("user_id", user));
            api.post("/groups/" + fresh + "/users", Map.of(), Canon.JSON.createObjectNode().put("user_id", user));

            RestoreReport r = RestoreHarness.restore(sim, db, RestoreOptions.single("users", user, null, null, false));
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            Set<String> groups = new HashSet<>();
            api.get("/users/" + user, Map.of()).path("group_ids").forEach(g -> groups.add(g.asText()));
            assertThat(groups).as("the backup's group the user was wrongly added to").doesNotContain(wrong)
                    .as("a group made after the backup").contains(fresh);
        }
    }

    @Test
    void aRoleThatCannotBeRestoredNeverStripsTheUsersOtherRoles() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(80); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport run1 = RestoreHarness.extract(sim, db);
            String user = null;
            String lost = null;
            JsonNode lostDoc;
            try (Vault v = Vault.open(db)) {
                Set<String> custom = new HashSet<>();
                for (String r : v.snapshot("roles", run1.runId()).keySet()) {
                    JsonNode role = Canon.JSON.readTree(v.json("roles", r, run1.runId()).orElseThrow());
                    if (!role.path("built_in").asBoolean(false) && !"Admin".equals(role.path("name").asText())) {
                        custom.add(r);
                    }
                }
                for (String u : v.snapshot("users", run1.runId()).keySet()) {
                    JsonNode doc = Canon.JSON.readTree(v.json("users", u, run1.runId()).orElseThrow());
                    for (JsonNode r : doc.path("role_ids")) {
                        if (user == null && custom.contains(r.asText())) {
                            user = u;
                            lost = r.asText();
                        }
                    }
                }
                lostDoc = lost == null ? null : Canon.JSON.readTree(v.json("roles", lost, run1.runId()).orElseThrow());
            }
            assertThat(user).as("a user holding a role that is not built in").isNotNull();
            // the role is deleted at the destination and cannot be made again; the user got a role after the backup
            api.delete("/roles/" + lost, Map.of());
            String later = api.post("/roles", Map.of(), Canon.JSON.createObjectNode().put("name", "made later")
                    .put("permission_set_id", lostDoc.path("permission_set").path("id").asText(lostDoc.path("permission_set_id").asText()))
                    .put("model_set_id", lostDoc.path("model_set").path("id").asText(lostDoc.path("model_set_id").asText())))
                    .path("id").asText();
            com.fasterxml.jackson.databind.node.ArrayNode now = Canon.JSON.createArrayNode();
            api.get("/users/" + user, Map.of()).path("role_ids").forEach(now::add);
            now.add(later);
            api.put("/users/" + user + "/roles", Map.of(), now);
            sim.faults().add(io.lookersim.fault.FaultRule.status("create_role", 422).times(1000));

            RestoreReport r = RestoreHarness.restore(sim, db, RestoreOptions.single("users", user, null, null, false));
            // the missing role is not sent as if it existed (Looker would refuse the whole role list for it)
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            Set<String> roles = new HashSet<>();
            api.get("/users/" + user, Map.of()).path("role_ids").forEach(x -> roles.add(x.asText()));
            assertThat(roles).as("a role given after the backup is kept while a backed-up role is missing")
                    .contains(later);
            assertThat(r.outcomes()).anyMatch(o -> o.type().equals("users")
                    && o.notes().stream().anyMatch(n -> n.contains("roles only added")));
        }
    }

    @Test
    void aStoredDocumentThatIsNotAWholeItemIsNeverWrittenAndTheGoodRunIsNamed() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(40); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport run1 = RestoreHarness.extract(sim, db);
            Picks p = pick(db, run1.runId());
            long bad;
            // what an older LookerVault could have stored from a lying server's `{}`
            try (Vault v = Vault.open(db)) {
                bad = v.startRun(sim.baseUrl(), io.lookervault.job.RunMode.FULL, "{}", "2026-12-01T00:00:00Z").runId();
                try (io.lookervault.vault.VaultWriter w = v.writer(bad, 4, null)) {
                    w.submit(io.lookervault.vault.WriteOp.Fetched.of("dashboards", p.dashboard,
                            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, null));
                }
                v.setStatus(bad, RunStatus.COMPLETED);
            }
            int mark = sim.requestLog().size();
            RestoreReport r = RestoreHarness.restore(sim, db, RestoreOptions.single("dashboards", p.dashboard, null,
                    null, false));
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.outcomes()).anyMatch(o -> o.action() == Outcome.Action.FAILED && o.notes().stream()
                    .anyMatch(n -> n.contains("not a whole item") && n.contains("run " + run1.runId() + " holds a good version")));
            assertThat(RestoreHarness.writes(sim.requestLog().subList(mark, sim.requestLog().size()))).as("nothing written").isZero();
        }
    }

    @Test
    void aDeletedAndAChangedModelConfigurationArePutBack() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(40); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            RestoreHarness.extract(sim, db);
            JsonNode models = api.get("/lookml_models", Map.of());
            JsonNode gone = models.get(0);
            JsonNode changed = models.get(1);
            api.delete("/lookml_models/" + gone.path("name").asText(), Map.of());
            api.patch("/lookml_models/" + changed.path("name").asText(), Map.of(), Canon.JSON.createObjectNode()
                    .put("unlimited_db_connections", !changed.path("unlimited_db_connections").asBoolean())
                    .set("allowed_db_connection_names", Canon.JSON.createArrayNode().add("elsewhere")));
            RestoreOptions models4 = new RestoreOptions(RestoreOptions.Command.BULK, List.of("lookml_models"), List.of(), List.of(), false,
                    null, null, 4, false);
            RestoreReport r = RestoreHarness.restore(sim, db, models4);
            assertThat(r.status()).as(r.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.count(Outcome.Action.CREATE)).isEqualTo(1);
            assertThat(r.count(Outcome.Action.UPDATE)).isEqualTo(1);
            for (JsonNode want : List.of(gone, changed)) {
                JsonNode now = api.get("/lookml_models/" + want.path("name").asText(), Map.of());
                for (String f : List.of("name", "project_name", "allowed_db_connection_names",
                        "unlimited_db_connections")) {
                    assertThat(now.path(f)).as(want.path("name").asText() + " " + f).isEqualTo(want.path(f));
                }
            }
            int mark = sim.requestLog().size();
            RestoreHarness.restore(sim, db, models4);
            assertThat(RestoreHarness.writes(sim.requestLog().subList(mark, sim.requestLog().size()))).isZero();
        }
    }

    @Test
    void restoringABackupOntoItsOwnUnchangedInstanceWritesNothing() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(80)) {
            Path db = dir.resolve("v.db");
            RestoreHarness.extract(sim, db);
            int mark = sim.requestLog().size();
            RestoreReport r = RestoreHarness.restore(sim, db, RestoreHarness.bulk(4));
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.count(Outcome.Action.CREATE) + r.count(Outcome.Action.UPDATE)).as(r.outcomes().toString()).isZero();
            assertThat(onlyReads(sim.requestLog().subList(mark, sim.requestLog().size()))).isTrue();
        }
    }

    @Test
    void aLookWhoseOwnerWasDeletedComesBackWithTheOwnerReported() throws Exception {
        try (LookerSim sim = RestoreHarness.sim(60); LookerClient api = RestoreHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            RestoreHarness.extract(sim, db);
            String me = api.get("/user", Map.of()).path("id").asText();
            JsonNode look = null;
            for (JsonNode l : api.get("/looks/search", Map.of("sorts", "id", "deleted", "false"))) {
                if (!me.equals(l.path("user_id").asText())) {
                    look = l;
                    break;
                }
            }
            String id = look.path("id").asText();
            api.delete("/users/" + look.path("user_id").asText(), Map.of());
            api.patch("/looks/" + id, Map.of(), Canon.JSON.createObjectNode().put("title", "renamed"));

            RestoreReport r = RestoreHarness.restore(sim, db, RestoreOptions.single("looks", id, null, null, false));
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            Outcome o = r.outcomes().get(r.outcomes().size() - 1);
            assertThat(o.notes()).anyMatch(n -> n.contains("owner"));
            assertThat(api.get("/looks/" + id, Map.of()).path("title").asText()).isEqualTo(look.path("title").asText());
        }
    }

    private static void assertThatGone(LookerClient api, String path) throws Exception {
        try {
            api.get(path, Map.of());
            throw new AssertionError(path + " still exists");
        } catch (NotFoundException expected) {
            // gone
        }
    }

    static boolean onlyReads(List<RequestLogEntry> log) {
        return log.stream().allMatch(e -> "GET".equals(e.method()) || e.path().endsWith("/login")
                || e.path().endsWith("/logout"));
    }

    /** A plain folder holding looks and dashboards (its subtree is the scope), and a dashboard elsewhere. */
    private record Picks(String folder, String dashboard, Set<String> scope) {}

    private static Picks pick(Path db, long run) {
        try (Vault v = Vault.open(db)) {
            Map<String, JsonNode> folders = new java.util.HashMap<>();
            v.snapshot("folders", run).keySet().forEach(id -> folders.put(id, read(v.json("folders", id, run).get())));
            String folder = null;
            int best = -1;
            for (JsonNode f : folders.values()) {
                int content = f.path("looks").size() + f.path("dashboards").size();
                if (!f.path("is_personal").asBoolean() && !f.path("is_personal_descendant").asBoolean()
                        && !f.path("parent_id").isNull() && !FolderRestorer.root(f) && content > best) {
                    best = content;
                    folder = f.path("id").asText();
                }
            }
            Set<String> subtree = new HashSet<>(Set.of(folder));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (JsonNode f : folders.values()) {
                    if (subtree.contains(f.path("parent_id").asText()) && subtree.add(f.path("id").asText())) {
                        grew = true;
                    }
                }
            }
            Set<String> scope = new HashSet<>();
            subtree.forEach(f -> scope.add("folders/" + f));
            String dashboard = null;
            for (String type : List.of("looks", "dashboards")) {
                for (String id : v.snapshot(type, run).keySet()) {
                    JsonNode d = read(v.json(type, id, run).get());
                    if (subtree.contains(d.path("folder_id").asText())) {
                        scope.add(type + "/" + id);
                    } else if (type.equals("dashboards") && dashboard == null && d.path("dashboard_elements").size() >= 4
                            && !d.path("deleted").asBoolean()) {
                        dashboard = id;
                    }
                }
            }
            scope.add("dashboards/" + dashboard);
            return new Picks(folder, dashboard, scope);
        }
    }

    private static JsonNode read(String s) {
        try {
            return Canon.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
