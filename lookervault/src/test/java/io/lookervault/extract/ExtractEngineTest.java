package io.lookervault.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.FailureRecord;
import io.lookervault.vault.TypeCounts;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractEngineTest {
    private static final List<ContentType> TYPES = List.of(ContentType.DASHBOARDS, ContentType.LOOKS,
            ContentType.GROUPS, ContentType.SCHEDULED_PLANS);
    @TempDir
    Path dir;

    private FakeLookerApi fake() {
        return new FakeLookerApi().add(ContentType.DASHBOARDS, 230).add(ContentType.LOOKS, 7)
                .add(ContentType.GROUPS, 50).add(ContentType.SCHEDULED_PLANS, 12);
    }

    private static ExtractOptions opts(int workers) {
        return new ExtractOptions(TYPES, workers, 25, List.of(), false, false, RunMode.FULL);
    }

    private ExtractReport extract(FakeLookerApi api, Vault v, ExtractOptions o, VaultWriter.CommitHook hook)
            throws Exception {
        return new ExtractJob(api, v, "http://fake", Clock.systemUTC(), hook).run(o, true);
    }

    private static Map<String, String> snapshot(Vault v, long run) {
        Map<String, String> all = new java.util.TreeMap<>();
        for (ContentType t : TYPES) {
            v.snapshot(t.key(), run).forEach((id, h) -> all.put(t.key() + "/" + id, h));
        }
        return all;
    }

    @Test
    void oneWorkerAndEightWorkersStoreTheSameVaultAndEveryItemOnce() throws Exception {
        FakeLookerApi api = fake();
        try (Vault one = Vault.open(dir.resolve("1.db")); Vault eight = Vault.open(dir.resolve("8.db"))) {
            ExtractReport r1 = extract(api, one, opts(1), null);
            ExtractReport r8 = extract(api, eight, opts(8), null);
            assertThat(r1.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r8.items().get("dashboards")).isEqualTo(new TypeCounts(230, 230, 0, 0, 0, 0));
            assertThat(snapshot(one, r1.runId())).hasSize(299).isEqualTo(snapshot(eight, r8.runId()));
            assertThat(api.fetches("/dashboards/17")).isEqualTo(2);
        }
    }

    @Test
    void aCrashedRunResumesWithoutRefetchingCommittedItemsAndEqualsACleanRun() throws Exception {
        FakeLookerApi api = fake();
        try (Vault v = Vault.open(dir.resolve("v.db")); Vault clean = Vault.open(dir.resolve("c.db"))) {
            assertThatThrownBy(() -> extract(api, v, opts(4), n -> {
                if (n >= 100) {
                    throw new IllegalStateException("simulated crash");
                }
            })).hasMessageContaining("simulated crash");
            long crashed = v.unfinishedRun("http://fake").orElseThrow().runId();
            Map<String, String> committed = snapshot(v, crashed);
            assertThat(committed).hasSizeGreaterThanOrEqualTo(100).hasSizeLessThan(299);
            api.log.clear();
            ExtractReport resumed = extract(api, v, opts(4), null);
            assertThat(resumed.resumed()).isTrue();
            assertThat(resumed.runId()).isEqualTo(crashed);
            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
            for (String key : committed.keySet()) {
                String[] tk = key.split("/");
                String path = ContentType.fromKey(tk[0]).orElseThrow().getPath(tk[1]);
                assertThat(api.fetches(path)).as("committed %s fetched again", key).isZero();
            }
            ExtractReport ref = extract(api, clean, opts(4), null);
            assertThat(snapshot(v, resumed.runId())).isEqualTo(snapshot(clean, ref.runId()));
            assertThat(resumed.items()).isEqualTo(ref.items());
        }
    }

    @Test
    void aPermanent404IsReportedRetriedFirstNextTimeAndResolved() throws Exception {
        FakeLookerApi api = fake();
        api.notFound.add("/looks/3");
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            ExtractReport r = extract(api, v, opts(8), null);
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.failures()).extracting(FailureRecord::type, FailureRecord::id, FailureRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("looks", "3", 404));
            assertThat(r.items().get("looks")).isEqualTo(new TypeCounts(7, 6, 0, 0, 0, 1));
            api.notFound.clear();
            api.log.clear();
            ExtractReport r2 = extract(api, v, opts(1), null);
            assertThat(r2.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(api.log.get(0)).as("failed items are retried first").isEqualTo("/looks/3");
            assertThat(r2.items().get("looks")).isEqualTo(new TypeCounts(7, 1, 0, 6, 0, 0));
        }
    }

    @Test
    void aFailedItemThatIsNoLongerListedIsDeletedNotFailedForever() throws Exception {
        FakeLookerApi api = fake();
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            extract(api, v, opts(2), null);
            api.notFound.add("/looks/4");
            assertThat(extract(api, v, opts(2), null).status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            api.remove(ContentType.LOOKS, "4");
            ExtractReport r = extract(api, v, opts(2), null);
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.items().get("looks")).isEqualTo(new TypeCounts(6, 0, 0, 6, 1, 0));
            assertThat(v.openFailures("looks")).isEmpty();
        }
    }

    @Test
    void aFailedListPageMakesTheTypeIncompleteAndWritesNoTombstones() throws Exception {
        FakeLookerApi api = fake();
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            extract(api, v, opts(2), null);
            api.failingListOffsets.add("/dashboards/search@50");
            ExtractReport r = extract(api, v, opts(2), null);
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED_WITH_FAILURES);
            assertThat(r.failures()).anyMatch(f -> f.operation().equals("list") && f.type().equals("dashboards"));
            assertThat(r.items().get("dashboards").deleted()).isZero();
            assertThat(v.snapshot("dashboards", r.runId())).hasSize(230);
        }
    }

    @Test
    void incrementalFetchesOnlyChangedAndNewAndTombstonesDeleted() throws Exception {
        FakeLookerApi api = fake();
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            ExtractReport full = extract(api, v, opts(4), null);
            api.put(ContentType.DASHBOARDS, "5", "v2");
            api.put(ContentType.DASHBOARDS, "999", "v1");
            api.remove(ContentType.DASHBOARDS, "7");
            api.log.clear();
            ExtractReport inc = extract(api, v, opts(4).withMode(RunMode.INCREMENTAL), null);
            assertThat(inc.items().get("dashboards")).isEqualTo(new TypeCounts(230, 1, 1, 228, 1, 0));
            assertThat(api.log).filteredOn(p -> p.startsWith("/dashboards/") && !p.contains("search"))
                    .containsExactlyInAnyOrder("/dashboards/5", "/dashboards/999");
            assertThat(v.json("dashboards", "5", full.runId()).orElseThrow()).contains("v1");
            assertThat(v.json("dashboards", "5", inc.runId()).orElseThrow()).contains("v2");
            assertThat(v.json("dashboards", "7", inc.runId())).isEmpty();
            assertThat(v.json("dashboards", "7", full.runId())).isPresent();
        }
    }

    @Test
    void workersOutsideOneToFiftyAreRejected() {
        assertThatThrownBy(() -> opts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> opts(51)).isInstanceOf(IllegalArgumentException.class);
    }
}
