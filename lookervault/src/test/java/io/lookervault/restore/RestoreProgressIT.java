package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.LookerSim;
import io.lookervault.job.ProgressSnapshot;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk restore reports its progress per plan step while it runs, as extract does per type. */
class RestoreProgressIT {
    @TempDir
    Path dir;

    @Test
    void everyStepShowsItsTotalFromTheStartAndEndsDone() throws Exception {
        try (LookerSim a = RestoreHarness.sim(60); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            var extracted = RestoreHarness.extract(a, db);
            List<ProgressSnapshot> seen = new ArrayList<>();
            RestoreReport report;
            try (LookerClient api = RestoreHarness.client(b); Vault v = Vault.open(db);
                 RestoreStore store = RestoreStore.open(db)) {
                RestoreJob job = new RestoreJob(api, v, store, b.baseUrl(), Clock.systemUTC());
                job.onCheckpoint(out -> {
                    synchronized (seen) {
                        seen.add(job.snapshot());
                    }
                });
                report = job.run(RestoreHarness.bulk(4));
                seen.add(job.snapshot());
            }
            ProgressSnapshot first = seen.get(0);
            ProgressSnapshot last = seen.get(seen.size() - 1);
            Map<String, Long> totals = new java.util.HashMap<>();
            first.types().forEach(t -> totals.put(t.type(), t.total()));
            assertThat(totals).containsEntry("users", (long) extracted.items().get("users").total())
                    .containsEntry("dashboards", (long) extracted.items().get("dashboards").total());
            assertThat(first.workers()).isEqualTo(4);
            assertThat(seen).allSatisfy(s -> assertThat(s.busyWorkers()).isBetween(0, 4));
            assertThat(last.types()).allSatisfy(t -> {
                assertThat(t.done()).as(t.type()).isEqualTo(t.total());
                assertThat(t.finished()).isTrue();
                // each step is timed on its own (steps with nothing between them may run at the same time)
                assertThat(t.activeMillis()).as(t.type()).isBetween(0L, last.elapsedMillis());
            });
            long before = -1;
            for (ProgressSnapshot s : seen) {
                long done = s.types().stream().mapToLong(ProgressSnapshot.TypeProgress::done).sum();
                assertThat(done).isGreaterThanOrEqualTo(before);
                before = done;
            }
            assertThat(last.requests()).isEqualTo(report.requests());
        }
    }
}
