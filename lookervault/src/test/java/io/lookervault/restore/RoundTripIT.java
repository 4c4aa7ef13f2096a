package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A → vault → empty B → extract B: the same content, references translated; twice: no duplicates. */
class RoundTripIT {
    private static final List<String> TYPES = List.of("permission_sets", "model_sets", "roles", "groups",
            "user_attributes", "users", "folders", "looks", "dashboards", "boards", "scheduled_plans", "alerts");
    @TempDir
    Path dir;

    @Test
    void restoresAWholeInstanceIntoAnEmptyOneAndASecondRunChangesNothing() throws Exception {
        try (LookerSim a = RestoreHarness.sim(150); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            RestoreReport first = RestoreHarness.restore(b, db, RestoreHarness.bulk(8));
            assertThat(first.status()).as(first.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(first.count(Outcome.Action.CREATE)).isPositive();
            assertThat(b.requestLog().stream().filter(e -> "create_merge_query".equals(e.operationId())))
                    .as("merged-result tiles are rebuilt on B").isNotEmpty();
            assertThat(first.outcomes().toString()).doesNotContain("merged-result query");
            assertThat(first.outcomes().toString()).as("A's API user has an API3 key that B's lacks")
                    .contains("issue new API3 keys for this user");

            Path bdb = dir.resolve("b.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            List<String> problems = compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl());
            assertThat(problems).isEmpty();

            long before = b.requestLog().size();
            RestoreReport second = RestoreHarness.restore(b, db, RestoreHarness.bulk(8));
            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.count(Outcome.Action.CREATE)).as("no duplicates").isZero();
            assertThat(second.count(Outcome.Action.UPDATE)).as(second.outcomes().toString()).isZero();
            assertThat(RestoreHarness.writes(b.requestLog().subList((int) before, b.requestLog().size())))
                    .as("a second restore of the same backup writes nothing").isZero();
            // last: without the Node SDK installed this assumption ends the test, after everything above ran
            sdkSeesTheSameDashboards(a, b, db);
        }
    }

    /** The official @looker/sdk-node reading restored dashboards sees the elements and queries of the originals. */
    private static void sdkSeesTheSameDashboards(LookerSim a, LookerSim b, Path db) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SdkNode.available(), "@looker/sdk-node not installed in "
                + SdkNode.MODULES + " (the looker-sim build's npm ci installs it)");
        try (RestoreStore map = RestoreStore.open(db)) {
            for (String id : List.of("1", "2", "3")) {
                String dest = map.destId(a.baseUrl(), b.baseUrl(), "dashboards", id).orElseThrow();
                assertThat(SdkNode.readDashboard(b, dest)).as("dashboard " + id)
                        .isEqualTo(SdkNode.readDashboard(a, id)).contains("\"elements\":[{");
            }
        }
    }

    /** Every item of A (translated through the id map) equals its counterpart in B; B has nothing more. */
    static List<String> compare(Path adb, long arun, Path bdb, long brun, String aurl, String burl) {
        return compare(adb, arun, bdb, brun, aurl, burl, (t, id) -> true, true);
    }

    /**
     * Items of A selected by {@code scope} equal their counterparts in B; with {@code complete}, B holds
     * nothing more. In the same instance an unmapped reference keeps its id.
     */
    static List<String> compare(Path adb, long arun, Path bdb, long brun, String aurl, String burl,
                                java.util.function.BiPredicate<String, String> scope, boolean complete) {
        boolean same = aurl.equals(burl);
        List<String> problems = new ArrayList<>();
        try (Vault av = Vault.open(adb); Vault bv = Vault.open(bdb); RestoreStore map = RestoreStore.open(adb)) {
            for (String type : TYPES) {
                Set<String> seen = new HashSet<>();
                Map<String, String> aItems = av.snapshot(type, arun);
                for (String id : aItems.keySet()) {
                    if (!scope.test(type, id)) {
                        continue;
                    }
                    String dest = map.destId(aurl, burl, type, id).orElse(same ? id : null);
                    if (dest == null) {
                        problems.add(type + " " + id + ": not mapped");
                        continue;
                    }
                    seen.add(dest);
                    // merged-result tiles: their merge query ids differ, what those queries ask must not
                    JsonNode ad = Canon.of(MergeCanon.of(read(av.json(type, id, arun).orElseThrow())),
                            (t, v) -> map.destId(aurl, burl, t, v).orElse(same ? v : "unmapped:" + v));
                    JsonNode bd = Canon.of(MergeCanon.of(read(bv.json(type, dest, brun).orElse("{}"))), (t, v) -> v);
                    if (!ad.equals(bd)) {
                        problems.add(type + " " + id + "→" + dest + ": " + Canon.differences(ad, bd));
                    }
                }
                Set<String> extra = new HashSet<>(bv.snapshot(type, brun).keySet());
                extra.removeAll(seen);
                if (complete && !extra.isEmpty()) {
                    problems.add(type + ": B has items A lacks: " + extra);
                }
            }
        }
        return problems;
    }

    private static JsonNode read(String s) {
        try {
            return Canon.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
