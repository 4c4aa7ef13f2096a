package io.lookervault.extract;

import static io.lookervault.extract.SimHarness.all;
import static io.lookervault.extract.SimHarness.extract;
import static io.lookervault.extract.SimHarness.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.TypeCounts;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction against the real simulator over HTTP with the real client and a real SQLite file. */
@org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
public class ExtractIT {
    private static final int SCALE = 300;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    @TempDir
    Path dir;

    static {
        SimHarness.init();
    }

    private static LookerSim sim(int latencyMs) throws java.io.IOException {
        return LookerSim.builder().port(0).scale(SCALE).seed(7).latencyMs(latencyMs).build().start();
    }

    @Test
    void storesExactlyWhatTheSimulatorAnswersForEveryTypeAndWorkerCountDoesNotMatter() throws Exception {
        try (LookerSim sim = sim(0); LookerClient api = SimHarness.client(sim)) {
            ExtractReport eight = extract(sim, dir.resolve("8.db"), all(8), null);
            assertThat(eight.status()).isEqualTo(RunStatus.COMPLETED);
            List<RequestLogEntry> log = sim.requestLog();
            // /themes/default is a document of its own (defaults), not the theme of id "default"
            java.util.Set<String> fixedPaths = new java.util.HashSet<>();
            for (ContentType t : ContentType.values()) {
                t.fixedIds().forEach(id -> fixedPaths.add("/api/4.0" + t.getPath(id)));
            }
            for (ContentType t : ContentType.values()) {
                if (t.paging() == ContentType.Paging.FIXED) {
                    // singletons have no list: each document is one GET of its own path
                    long reads = log.stream().filter(e -> "GET".equals(e.method()) && t.fixedIds().stream()
                            .anyMatch(id -> e.path().equals("/api/4.0/" + id))).count();
                    assertThat(reads).as("GETs of %s", t.key()).isEqualTo(t.fixedIds().size());
                    continue;
                }
                String items = "/api/4.0" + t.getPath("ID").replace("ID", "[^/]+");
                // dashboards and LookML dashboards share GET /dashboards/{id}: a LookML id is model::name
                long gets = log.stream().filter(e -> "GET".equals(e.method()) && e.path().matches(items)
                        && !e.path().endsWith(t.listPath()) && !fixedPaths.contains(e.path())
                        && e.path().matches(".*(::|%3A%3A).*") == (t == ContentType.LOOKML_DASHBOARDS)).count();
                // where the list row is the item, it is stored without a GET of its own
                assertThat(gets).as("GETs of single %s", t.key()).isEqualTo(t.listCarriesItem() ? 0 : eight.items()
                        .get(t.key()).total());
            }
            try (Vault v = Vault.open(dir.resolve("8.db"))) {
                for (ContentType t : ContentType.values()) {
                    List<String> ids = SimHarness.sourceIds(api, t);
                    // a new Looker has no custom colours or OAuth apps (SdkInstanceDisasterIT backs up ones the SDK made)
                    if (!java.util.Set.of(ContentType.COLOR_COLLECTIONS, ContentType.OAUTH_CLIENT_APPS,
                            ContentType.EXTERNAL_OAUTH_APPLICATIONS).contains(t)) {
                        assertThat(ids).as(t.key()).isNotEmpty();
                    }
                    assertThat(v.snapshot(t.key(), eight.runId()).keySet()).as(t.key()).containsExactlyInAnyOrderElementsOf(ids);
                    assertThat(eight.items().get(t.key()).total()).isEqualTo(ids.size());
                    for (String id : ids) {
                        String stored = v.json(t.key(), id, eight.runId()).orElseThrow();
                        // the stored bytes (and so their hash) are exactly Jackson's compact JSON of the document: a
                        // writer that differs would make every item look edited on the next incremental run
                        assertThat(stored).as("bytes of " + t.key() + " " + id).isEqualTo(new String(
                                MAPPER.writeValueAsBytes(MAPPER.readTree(stored)), java.nio.charset.StandardCharsets.UTF_8));
                        assertThat(SimHarness.lookerPart(stored)).as(t.key() + " " + id)
                                .isEqualTo(api.get(t.getPath(id), Map.of()));
                    }
                }
            }
            ExtractReport one = extract(sim, dir.resolve("1.db"), all(1), null);
            assertThat(snapshot(dir.resolve("1.db"), one.runId())).isEqualTo(snapshot(dir.resolve("8.db"), eight.runId()));
        }
    }

    @Test
    void faultStormsLeaveTheVaultCompleteAndExact() throws Exception {
        try (LookerSim sim = LookerSim.builder().port(0).scale(SCALE).seed(7).latencyMs(1).faultRate(0.05)
                .tokenTtlSeconds(1).build().start()) {
            sim.faults().add(FaultRule.status("dashboard", 429).retryAfter(1).nth(5).times(3));
            sim.faults().add(FaultRule.status("search_looks", 503).times(2));
            sim.faults().add(FaultRule.truncate("look").times(3));
            sim.faults().add(FaultRule.reset("folder").times(3));
            ExtractReport stormy = extract(sim, dir.resolve("storm.db"), all(8), null);
            assertThat(stormy.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(stormy.failures()).isEmpty();
            assertThat(stormy.retries()).isPositive();
            assertThat(stormy.rateLimited()).isPositive();
            sim.faults().clear();
            ExtractReport clean = extract(sim, dir.resolve("clean.db"), all(8), null);
            assertThat(snapshot(dir.resolve("storm.db"), stormy.runId()))
                    .isEqualTo(snapshot(dir.resolve("clean.db"), clean.runId()));
        }
    }

    @Test
    void aPermanent404IsReportedAndRetriedFirstByTheNextRun() throws Exception {
        try (LookerSim sim = sim(0); LookerClient api = SimHarness.client(sim)) {
            String victim = SimHarness.sourceIds(api, ContentType.LOOKS).get(3);
            sim.faults().add(FaultRule.status("look", 404).on("look_id", victim));
            ExtractReport r = extract(sim, dir.resolve("v.db"), all(4), null);
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo("looks");
                assertThat(f.id()).isEqualTo(victim);
                assertThat(f.status()).isEqualTo(404);
            });
            sim.faults().clear();
            ExtractReport next = extract(sim, dir.resolve("v.db"), all(4), null);
            assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(next.items().get("looks").newItems()).isEqualTo(1);
        }
    }

    @Test
    void crashAtSeveralPointsThenResumeEqualsACleanRunWithoutRefetchingCommittedItems() throws Exception {
        try (LookerSim sim = sim(0)) {
            ExtractReport clean = extract(sim, dir.resolve("clean.db"), all(8), null);
            Map<String, String> reference = snapshot(dir.resolve("clean.db"), clean.runId());
            for (int crashAfter : new int[] {1, 150, reference.size() - 20}) {
                Path db = dir.resolve("crash" + crashAfter + ".db");
                assertThatThrownBy(() -> extract(sim, db, all(8), n -> {
                    if (n >= crashAfter) {
                        throw new IllegalStateException("simulated crash");
                    }
                })).hasMessageContaining("simulated crash");
                long run;
                try (Vault v = Vault.open(db)) {
                    run = v.unfinishedRun(sim.baseUrl()).orElseThrow().runId();
                }
                Map<String, String> committed = snapshot(db, run);
                int logMark = sim.requestLog().size();
                ExtractReport resumed = extract(sim, db, all(8), null);
                assertThat(resumed.runId()).isEqualTo(run);
                assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(snapshot(db, run)).as("crash after %d", crashAfter).isEqualTo(reference);
                assertThat(resumed.items()).isEqualTo(clean.items());
                List<RequestLogEntry> after = sim.requestLog().subList(logMark, sim.requestLog().size());
                assertNoneFetched(after, committed);
            }
        }
    }

    @Test
    void includeDeletedAddsTheTrashAndFolderScopeLimitsFolderContentWithoutTombstones() throws Exception {
        try (LookerSim sim = sim(0); LookerClient api = SimHarness.client(sim)) {
            String trashed = SimHarness.sourceIds(api, ContentType.DASHBOARDS).get(4);
            sim.mutate("dashboards", "trash", List.of(trashed));
            ExtractOptions withTrash = new ExtractOptions(List.of(ContentType.DASHBOARDS), 4, 50, List.of(), false,
                    true, io.lookervault.job.RunMode.FULL);
            ExtractReport r = extract(sim, dir.resolve("trash.db"), withTrash, null);
            try (Vault v = Vault.open(dir.resolve("trash.db"))) {
                assertThat(v.json("dashboards", trashed, r.runId())).hasValueSatisfying(j -> assertThat(j)
                        .contains("\"deleted\":true"));
            }
            JsonNode dash = api.get(ContentType.DASHBOARDS.getPath(SimHarness.sourceIds(api, ContentType.DASHBOARDS)
                    .get(0)), Map.of());
            String folder = dash.path("folder_id").asText();
            Path db = dir.resolve("scope.db");
            ExtractReport all = extract(sim, db, all(4), null);
            ExtractOptions scoped = new ExtractOptions(List.of(ContentType.DASHBOARDS, ContentType.LOOKS,
                    ContentType.FOLDERS), 4, 50, List.of(folder), true, false, io.lookervault.job.RunMode.FULL);
            ExtractReport s = extract(sim, db, scoped, null);
            assertThat(s.items().get("dashboards").total()).isPositive()
                    .isLessThan(all.items().get("dashboards").total());
            assertThat(s.items().get("folders").total()).isPositive();
            assertThat(s.items().values()).allSatisfy(c -> assertThat(c.deleted()).isZero());
            try (Vault v = Vault.open(db)) {
                assertThat(v.snapshot("dashboards", s.runId())).hasSize((int) all.items().get("dashboards").total());
                java.util.Set<String> scopeFolders = new java.util.HashSet<>();
                for (String id : v.snapshot("folders", s.runId()).keySet()) {
                    if (v.known("folders", List.of(id)).get(id).lastSeenRun() == s.runId()) {
                        scopeFolders.add(id);
                    }
                }
                assertThat(scopeFolders).contains(folder);
                for (String id : v.snapshot("dashboards", s.runId()).keySet()) {
                    if (v.known("dashboards", List.of(id)).get(id).lastSeenRun() == s.runId()) {
                        String json = v.json("dashboards", id, s.runId()).orElseThrow();
                        assertThat(scopeFolders).contains(SimHarness.JSON.readTree(json).path("folder_id").asText());
                    }
                }
            }
        }
    }

    public static void assertNoneFetched(List<RequestLogEntry> log, Map<String, String> committed) {
        for (String key : committed.keySet()) {
            String[] tk = key.split("/", 2);
            String path = ContentType.fromKey(tk[0]).orElseThrow().getPath(tk[1]);
            assertThat(log).as("committed %s fetched again", key)
                    .noneMatch(e -> "GET".equals(e.method()) && e.path().endsWith(path));
        }
    }

    @Test
    void incrementalCapturesExactlyTheChangesWithFewRequestsAndKeepsHistory() throws Exception {
        try (LookerSim sim = sim(0); LookerClient api = SimHarness.client(sim)) {
            Path db = dir.resolve("v.db");
            ExtractReport full = extract(sim, db, all(8), null);
            List<String> dashboards = SimHarness.sourceIds(api, ContentType.DASHBOARDS);
            List<String> looks = SimHarness.sourceIds(api, ContentType.LOOKS);
            // a look that some dashboard shows: editing it changes that dashboard's answer, not its updated_at
            String shown = shownLook(db, full.runId(), dashboards.subList(3, dashboards.size()), looks.get(0));
            sim.mutate("dashboards", "edit", List.of(dashboards.get(0), dashboards.get(1)));
            sim.mutate("looks", "add", 2);
            sim.mutate("dashboards", "trash", List.of(dashboards.get(2)));
            sim.mutate("looks", "delete", List.of(looks.get(0)));
            sim.mutate("looks", "edit", List.of(shown));
            ExtractReport inc = extract(sim, db, all(8).withMode(io.lookervault.job.RunMode.INCREMENTAL), null);
            assertThat(inc.status()).isEqualTo(RunStatus.COMPLETED);
            TypeCounts d = inc.items().get("dashboards");
            assertThat(d.changed()).as("2 edited + those showing the edited or the deleted look").isGreaterThan(2);
            assertThat(d.deleted()).as("trashed, not included").isEqualTo(1);
            assertThat(d.newItems()).isZero();
            TypeCounts l = inc.items().get("looks");
            assertThat(l.newItems()).isEqualTo(2);
            assertThat(l.deleted()).isEqualTo(1);
            assertThat(l.changed()).isEqualTo(1);
            assertThat(inc.requests()).isLessThan(full.requests() / 3);
            try (Vault v = Vault.open(db)) {
                assertThat(v.json("dashboards", dashboards.get(0), full.runId()))
                        .isNotEqualTo(v.json("dashboards", dashboards.get(0), inc.runId()));
                assertThat(v.json("looks", looks.get(0), full.runId())).isPresent();
                assertThat(v.json("looks", looks.get(0), inc.runId())).isEmpty();
            }
            ExtractReport fullAgain = extract(sim, dir.resolve("ref.db"), all(8), null);
            assertThat(snapshot(db, inc.runId())).as("incremental vault = a full run's")
                    .isEqualTo(snapshot(dir.resolve("ref.db"), fullAgain.runId()));
            assertThat(inc.items().get("dashboards").total()).isEqualTo(fullAgain.items().get("dashboards").total());
        }
    }

    /** A look shown by one of {@code dashboards} (as stored in {@code run}) other than {@code except}. */
    private static String shownLook(Path db, long run, List<String> dashboards, String except) throws Exception {
        try (Vault v = Vault.open(db)) {
            for (String id : dashboards) {
                for (var e : SimHarness.JSON.readTree(v.json("dashboards", id, run).orElseThrow())
                        .path("dashboard_elements")) {
                    if (e.hasNonNull("look_id") && !e.get("look_id").asText().equals(except)) {
                        return e.get("look_id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no dashboard shows a look");
    }
}
