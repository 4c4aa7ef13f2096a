package io.lookervault.cli;

import static io.lookervault.cli.InspectHarness.cli;
import static io.lookervault.cli.InspectHarness.extract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.looker.LookerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspection commands over a vault made by three real extraction runs against the simulator, with changes
 * made through the simulator between them: run 1 full; then 3 dashboards edited, 1 trashed, 2 looks added,
 * 1 deleted; run 2 full; then one dashboard edited again; run 3 incremental. What the commands report is
 * compared with the simulator's own answers before and after each change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectIT {
    @TempDir
    static Path dir;
    static Path db;
    static LookerSim sim;
    static LookerClient api;
    static Map<String, Map<String, JsonNode>> before;
    static Map<String, Map<String, JsonNode>> middle;
    static Map<String, Map<String, JsonNode>> after;
    static List<String> edited;
    static String trashed;
    static List<String> addedLooks;
    static List<String> deletedLooks;

    @BeforeAll
    static void threeRunsWithChangesBetween() throws Exception {
        sim = LookerSim.builder().port(0).scale(200).seed(11).build().start();
        api = InspectHarness.client(sim);
        db = dir.resolve("vault.db");
        before = InspectHarness.sourceDocs(api);
        assertThat(extract(sim, db).code()).isZero();
        edited = sim.mutate("dashboards", "edit", 3);
        trashed = before.get("dashboards").keySet().stream().filter(id -> !edited.contains(id)).findFirst().orElseThrow();
        assertThat(sim.mutate("dashboards", "trash", List.of(trashed))).containsExactly(trashed);
        addedLooks = sim.mutate("looks", "add", 2);
        deletedLooks = sim.mutate("looks", "delete", 1);
        assertThat(edited).hasSize(3);
        assertThat(addedLooks).hasSize(2);
        assertThat(deletedLooks).hasSize(1);
        middle = InspectHarness.sourceDocs(api);
        assertThat(extract(sim, db).code()).isZero();
        sim.mutate("dashboards", "edit", List.of(edited.get(0)));
        after = InspectHarness.sourceDocs(api);
        assertThat(extract(sim, db, "--incremental").code()).isZero();
    }

    @AfterAll
    static void stop() {
        api.close();
        sim.close();
    }

    private static InspectHarness.Result run(String... args) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString()));
        a.addAll(List.of(args));
        return cli(sim, dir, a.toArray(String[]::new));
    }

    private static JsonNode json(String... args) {
        List<String> a = new ArrayList<>(List.of("--output", "json"));
        a.addAll(List.of(args));
        InspectHarness.Result r = run(a.toArray(String[]::new));
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.json();
    }

    @Test
    @Order(1)
    void showPrintsExactlyWhatTheSimulatorAnswersNowAndInThePast() {
        after.forEach((type, docs) -> docs.forEach((id, doc) ->
                assertThat(json("show", type, id)).as(type + " " + id).isEqualTo(doc)));
        String once = edited.get(1);
        String twice = edited.get(0);
        assertThat(json("show", "dashboards", once, "--run", "1")).isEqualTo(before.get("dashboards").get(once));
        assertThat(json("show", "dashboards", twice, "--run", "2")).isEqualTo(middle.get("dashboards").get(twice));
        String run1Start = json("runs").get(0).path("started_at").asText();
        assertThat(json("show", "dashboards", twice, "--as-of", run1Start)).isEqualTo(before.get("dashboards").get(twice));
        assertThat(json("show", "dashboards", trashed)).isEqualTo(before.get("dashboards").get(trashed));
        JsonNode picked = json("show", "dashboards", once, "--fields", "id,title");
        assertThat(picked.size()).isEqualTo(2);
        assertThat(picked.path("title").asText()).isEqualTo(after.get("dashboards").get(once).path("title").asText());
        InspectHarness.Result absent = run("show", "looks", addedLooks.get(0), "--run", "1");
        assertThat(absent.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(absent.err()).contains("did not exist as of run 1");
    }

    @Test
    @Order(2)
    void runsAreNumberedInOrderWithModeStatusAndCountsPerType() {
        JsonNode runs = json("runs");
        assertThat(runs).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(runs.get(i).path("run_id").asInt()).isEqualTo(i + 1);
            assertThat(runs.get(i).path("status").asText()).isEqualTo("completed");
        }
        assertThat(runs.get(2).path("mode").asText()).isEqualTo("incremental");
        JsonNode run2 = json("runs", "show", "2");
        Changes dash = Changes.of(before, middle, "dashboards");
        Changes looks = Changes.of(before, middle, "looks");
        assertThat(run2.path("types").path("dashboards").path("changed").asInt()).isEqualTo(dash.changed.size());
        assertThat(run2.path("types").path("dashboards").path("deleted").asInt()).isEqualTo(dash.removed.size());
        assertThat(run2.path("types").path("looks").path("new").asInt()).isEqualTo(2);
        assertThat(run2.path("types").path("looks").path("deleted").asInt()).isEqualTo(looks.removed.size());
        assertThat(run2.path("failures")).isEmpty();
        // a fixed cap (--rate-limit-per-second N): the workers alone bound what is in flight, all run long
        JsonNode inFlight = run2.path("in_flight");
        assertThat(inFlight).hasSize(1);
        int workers = inFlight.get(0).path("max").asInt();
        assertThat(workers).isPositive();
        assertThat(inFlight.get(0).path("mode").asText()).isEqualTo("fixed");
        assertThat(inFlight.get(0).path("min").asInt()).isEqualTo(workers);
        assertThat(inFlight.get(0).path("timeline").toString()).isEqualTo("[[0," + workers + "]]");
        assertThat(run("runs", "show", "2").out()).contains("In flight", "fixed, min/median/max " + workers + "/"
                + workers + "/" + workers);
    }

    @Test
    @Order(3)
    void diffOfTwoRunsReportsExactlyTheChangesMadeThroughTheSimulator() {
        JsonNode d12 = json("diff", "1", "2");
        for (String type : before.keySet()) {
            Changes expected = Changes.of(before, middle, type);
            JsonNode t = d12.path("types").path(type);
            assertThat(ids(t.path("added"))).as(type + " added").isEqualTo(expected.added);
            assertThat(ids(t.path("removed"))).as(type + " removed").isEqualTo(expected.removed);
            assertThat(ids(t.path("changed"))).as(type + " changed").isEqualTo(expected.changed);
        }
        assertThat(ids(d12.path("types").path("dashboards").path("changed"))).containsAll(edited);
        assertThat(ids(d12.path("types").path("dashboards").path("removed"))).containsExactly(trashed);
        assertThat(ids(d12.path("types").path("looks").path("added"))).containsExactlyInAnyOrderElementsOf(addedLooks);
        assertThat(ids(d12.path("types").path("looks").path("removed"))).containsExactlyInAnyOrderElementsOf(deletedLooks);
        JsonNode added = d12.path("types").path("looks").path("added").get(0);
        assertThat(added.path("title").asText()).isEqualTo(middle.get("looks").get(added.path("id").asText())
                .path("title").asText());
        JsonNode last = json("diff");
        assertThat(last.path("from_run").asInt()).isEqualTo(2);
        assertThat(last.path("to_run").asInt()).isEqualTo(3);
        for (String type : before.keySet()) {
            Changes expected = Changes.of(middle, after, type);
            JsonNode t = last.path("types").path(type);
            assertThat(ids(t.path("added"))).as(type + " added").isEqualTo(expected.added);
            assertThat(ids(t.path("removed"))).as(type + " removed").isEqualTo(expected.removed);
            assertThat(ids(t.path("changed"))).as(type + " changed").isEqualTo(expected.changed);
        }
        assertThat(ids(last.path("types").path("dashboards").path("changed"))).containsExactly(edited.get(0));
        assertThat(last.path("types").path("dashboards").path("changed").get(0).path("fields"))
                .extracting(JsonNode::asText).contains("title", "updated_at");
    }

    @Test
    @Order(4)
    void itemDiffGivesTheJsonPathOldAndNewValueOfEachChangedField() {
        String id = edited.get(0);
        JsonNode d = json("diff", "dashboards", id, "--from", "1", "--to", "2");
        Map<String, JsonNode> changes = new java.util.TreeMap<>();
        d.path("changes").forEach(c -> changes.put(c.path("path").asText(), c));
        assertThat(changes.keySet()).contains("$.title", "$.updated_at");
        // exact: applying the reported changes to the old document gives the new one
        assertThat(JsonPatcher.apply(before.get("dashboards").get(id), d.path("changes")))
                .isEqualTo(middle.get("dashboards").get(id));
        assertThat(changes.get("$.title").path("old")).isEqualTo(before.get("dashboards").get(id).path("title"));
        assertThat(changes.get("$.title").path("new")).isEqualTo(middle.get("dashboards").get(id).path("title"));
        assertThat(changes.get("$.title").path("change").asText()).isEqualTo("changed");
        JsonNode latest = json("diff", "dashboards", id);
        assertThat(latest.path("from_run").asInt()).isEqualTo(2);
        assertThat(latest.path("to_run").asInt()).isEqualTo(3);
        assertThat(latest.path("changes").get(0).path("new")).isEqualTo(after.get("dashboards").get(id).path("title"));
        JsonNode unchanged = json("diff", "dashboards", edited.get(1), "--from", "2", "--to", "3");
        assertThat(unchanged.path("changes")).isEmpty();
    }

    @Test
    @Order(5)
    void historyShowsEachVersionWhenFirstAndLastSeenAndWhichFieldsChanged() {
        JsonNode h = json("history", "dashboards", edited.get(0));
        assertThat(h.path("first_seen").path("run").asInt()).isEqualTo(1);
        assertThat(h.path("last_seen").path("run").asInt()).isEqualTo(3);
        JsonNode v = h.path("versions");
        assertThat(v).hasSize(3);
        assertThat(List.of(v.get(0).path("from_run").asInt(), v.get(1).path("from_run").asInt(),
                v.get(2).path("from_run").asInt())).containsExactly(1, 2, 3);
        assertThat(v.get(0).path("until_run").asInt()).isEqualTo(2);
        assertThat(v.get(2).path("current").asBoolean()).isTrue();
        assertThat(v.get(1).path("changed_fields")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(topFields(before.get("dashboards").get(edited.get(0)),
                        middle.get("dashboards").get(edited.get(0))));
        JsonNode gone = json("history", "dashboards", trashed);
        assertThat(gone.path("status").asText()).isEqualTo("deleted");
        assertThat(gone.path("deleted_run").asInt()).isEqualTo(2);
        assertThat(gone.path("versions")).hasSize(1);
        assertThat(json("history", "looks", addedLooks.get(0)).path("first_seen").path("run").asInt()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void listShowsWhatIsStoredAndItsFiltersSelectWhatTheSimulatorSays() {
        Map<String, JsonNode> dashboards = after.get("dashboards");
        JsonNode all = json("list", "dashboards", "--limit", "10000");
        assertThat(all.path("total").asInt()).isEqualTo(dashboards.size());
        assertThat(ids(all.path("items"))).isEqualTo(dashboards.keySet());
        JsonNode first = all.path("items").get(0);
        JsonNode doc = dashboards.get(first.path("id").asText());
        assertThat(first.path("title").asText()).isEqualTo(doc.path("title").asText());
        assertThat(first.path("owner_id").asText()).isEqualTo(doc.path("user_id").asText());
        assertThat(first.path("folder_id").asText()).isEqualTo(doc.path("folder_id").asText());
        assertThat(first.path("folder_path").asText()).startsWith("/").endsWith(
                after.get("folders").get(doc.path("folder_id").asText()).path("name").asText());
        assertThat(ids(json("list", "dashboards", "--deleted").path("items"))).containsExactly(trashed);
        assertThat(ids(json("list", "dashboards", "--search", "(EDITED)", "--limit", "10000").path("items")))
                .containsExactlyInAnyOrderElementsOf(edited);
        String folder = doc.path("folder_id").asText();
        assertThat(ids(json("list", "dashboards", "--folder-id", folder, "--limit", "10000").path("items")))
                .isEqualTo(select(dashboards, "folder_id", folder));
        String owner = doc.path("user_id").asText();
        assertThat(ids(json("list", "dashboards", "--owner", owner, "--limit", "10000").path("items")))
                .isEqualTo(select(dashboards, "user_id", owner));
        String email = after.get("users").get(owner).path("email").asText();
        assertThat(ids(json("list", "dashboards", "--owner", email, "--limit", "10000").path("items")))
                .isEqualTo(select(dashboards, "user_id", owner));
        // the simulator's own updated_at values lie years back, so only what runs 2 and 3 stored is this recent
        String run2Start = json("runs").get(1).path("started_at").asText();
        assertThat(ids(json("list", "dashboards", "--changed-since", run2Start, "--limit", "10000").path("items")))
                .containsExactlyInAnyOrderElementsOf(edited);
        JsonNode page = json("list", "dashboards", "--limit", "2", "--offset", "1");
        assertThat(ids(page.path("items"))).hasSize(2).doesNotContain(first.path("id").asText());
    }

    @Test
    @Order(7)
    void tablesFitTheTerminalWidth() {
        for (String[] args : List.of(new String[] {"runs"}, new String[] {"runs", "show", "2"},
                new String[] {"list", "dashboards"}, new String[] {"history", "dashboards", edited.get(0)},
                new String[] {"diff", "1", "2"}, new String[] {"diff", "dashboards", edited.get(0)},
                new String[] {"verify"})) {
            InspectHarness.Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isZero();
            assertThat(r.out().lines()).as(String.join(" ", args)).allMatch(l -> l.length() <= 100);
        }
    }

    @Test
    @Order(8)
    void verifyPassesTheSoundVaultWithoutChangingItAndAgreesWithTheSource() throws Exception {
        InspectHarness.checkpoint(db);
        byte[] bytes = Files.readAllBytes(db);
        JsonNode v = json("verify", "--against-source");
        assertThat(v.path("sound").asBoolean()).isTrue();
        assertThat(v.path("documents_checked").asLong()).isPositive();
        assertThat(v.path("against_source")).hasSize(after.size());
        v.path("against_source").forEach(t -> assertThat(t.path("on_looker").asInt()).as(t.path("type").asText())
                .isEqualTo(after.get(t.path("type").asText()).size()));
        json("list", "looks");
        json("show", "looks", addedLooks.get(0));
        assertThat(Files.readAllBytes(db)).as("inspection never writes the vault").isEqualTo(bytes);
    }

    @Test
    @Order(9)
    void infoSummarisesTheVaultAndCheckReportsItsHealth() {
        JsonNode vault = json("info").path("vault");
        assertThat(vault.path("runs").asInt()).isEqualTo(3);
        assertThat(vault.path("size_on_disk_bytes").asLong()).isPositive();
        assertThat(vault.path("last_run").path("run_id").asInt()).isEqualTo(3);
        after.forEach((type, docs) -> assertThat(vault.path("items").path(type).path("present").asInt()).as(type)
                .isEqualTo(docs.size()));
        assertThat(vault.path("items").path("dashboards").path("deleted").asInt()).isEqualTo(1);
        JsonNode check = json("check");
        assertThat(check.path("checks")).anySatisfy(c -> {
            assertThat(c.path("check").asText()).isEqualTo("vault health");
            assertThat(c.path("status").asText()).isEqualTo("ok");
        });
    }

    /** Last: it changes the simulator. */
    @Test
    @Order(20)
    void verifyAgainstSourceNamesWhatTheVaultMissesAndWhatLookerNoLongerHas() {
        List<String> newDash = sim.mutate("dashboards", "add", 1);
        String goneLook = after.get("looks").keySet().iterator().next();
        sim.mutate("looks", "delete", List.of(goneLook));
        InspectHarness.Result r = run("--output", "json", "verify", "--against-source");
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
        JsonNode v = r.json();
        assertThat(v.path("sound").asBoolean()).isFalse();
        for (JsonNode t : v.path("against_source")) {
            String type = t.path("type").asText();
            assertThat(ids(t.path("missing"))).as(type).isEqualTo(type.equals("dashboards") ? Set.copyOf(newDash) : Set.of());
            assertThat(ids(t.path("extra"))).as(type).isEqualTo(type.equals("looks") ? Set.of(goneLook) : Set.of());
        }
    }

    /** Top-level fields whose values differ, computed here without the code under test. */
    private static Set<String> topFields(JsonNode a, JsonNode b) {
        Set<String> out = new TreeSet<>();
        a.fieldNames().forEachRemaining(f -> {
            if (!a.get(f).equals(b.get(f))) {
                out.add(f);
            }
        });
        b.fieldNames().forEachRemaining(f -> {
            if (!a.has(f)) {
                out.add(f);
            }
        });
        return out;
    }

    static Set<String> ids(JsonNode items) {
        Set<String> out = new TreeSet<>();
        items.forEach(i -> out.add(i.isTextual() ? i.asText() : i.path("id").asText()));
        return out;
    }

    private static Set<String> select(Map<String, JsonNode> docs, String field, String value) {
        Set<String> out = new TreeSet<>();
        docs.forEach((id, d) -> {
            if (value.equals(d.path(field).asText())) {
                out.add(id);
            }
        });
        return out;
    }

    /** What changed for one type between two snapshots of the simulator. */
    record Changes(Set<String> added, Set<String> removed, Set<String> changed) {
        static Changes of(Map<String, Map<String, JsonNode>> a, Map<String, Map<String, JsonNode>> b, String type) {
            Map<String, JsonNode> x = a.get(type);
            Map<String, JsonNode> y = b.get(type);
            Set<String> added = new TreeSet<>(y.keySet());
            added.removeAll(x.keySet());
            Set<String> removed = new TreeSet<>(x.keySet());
            removed.removeAll(y.keySet());
            Set<String> changed = new TreeSet<>();
            x.forEach((id, doc) -> {
                if (y.containsKey(id) && !y.get(id).equals(doc)) {
                    changed.add(id);
                }
            });
            return new Changes(added, removed, changed);
        }
    }
}
