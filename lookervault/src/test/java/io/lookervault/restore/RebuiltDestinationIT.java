package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination rebuilt at the same URL (a staging Looker provisioned again) hands the old ids to new objects:
 * the vault's id map still says "source dashboard 7 is destination 12", and 12 is now another dashboard that
 * this very restore created. Restoring onto it would overwrite that dashboard and leave the source's one out.
 */
class RebuiltDestinationIT {
    @TempDir
    Path dir;

    @Test
    void aSecondRestoreIntoARebuiltDestinationAtTheSameUrlOverwritesNothingItMadeItself() throws Exception {
        restoreTwice(150, sim -> { });
    }

    /**
     * A created object exists before its creator has the answer and maps it: here every look's and dashboard's
     * answer comes 150 ms after Looker made it, and another worker reading that id meanwhile (its item was mapped
     * to it by the first restore) must not take it for its own.
     */
    @Test
    void anObjectWhoseCreateIsStillAnsweringIsNotTakenForAnotherItem() throws Exception {
        restoreTwice(60, sim -> {
            sim.faults().add(io.lookersim.fault.FaultRule.slow("create_look", 150));
            sim.faults().add(io.lookersim.fault.FaultRule.slow("create_dashboard", 150));
            sim.faults().add(io.lookersim.fault.FaultRule.slow("create_folder", 150));
        });
    }

    private void restoreTwice(int scale, java.util.function.Consumer<LookerSim> faults) throws Exception {
        Path db = dir.resolve("a.db");
        try (LookerSim a = RestoreHarness.sim(scale)) {
            ExtractReport ea = RestoreHarness.extract(a, db);
            int port;
            RestoreReport r1;
            try (LookerSim first = RestoreHarness.sim(0)) {
                port = Integer.parseInt(first.baseUrl().replaceAll(".*:", ""));
                // one worker: items are created in the source's order, so the ids it maps are the source's order
                r1 = RestoreHarness.restore(first, db, RestoreHarness.bulk(1));
                assertThat(r1.status()).as(r1.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            }
            // the same URL, an empty Looker again; eight workers create in another order, so many old ids now
            // belong to other objects by the time the items mapped to them come up
            try (LookerSim rebuilt = LookerSim.builder().port(port).scale(0).seed(11).build().start()) {
                faults.accept(rebuilt);
                RestoreReport r2 = RestoreHarness.restore(rebuilt, db, RestoreHarness.bulk(8));
                assertThat(r2.status()).as(r2.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
                // into the same empty Looker, the same work: built-ins (Shared folder, Admin role, settings) updated,
                // the rest created, none of it taken for something made a moment ago
                assertThat(r2.count(Outcome.Action.CREATE)).as("created the first time only: %s; the second time only: %s",
                        minus(created(r1), created(r2)), minus(created(r2), created(r1)))
                        .isEqualTo(r1.count(Outcome.Action.CREATE));
                assertThat(r2.count(Outcome.Action.UPDATE)).as("updated the second time only: %s", updates(r2).stream()
                        .filter(u -> !updates(r1).contains(u)).toList()).isEqualTo(r1.count(Outcome.Action.UPDATE));

                rebuilt.faults().clear();
                Path bdb = dir.resolve("b.db");
                ExtractReport eb = RestoreHarness.extract(rebuilt, bdb);
                assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), rebuilt.baseUrl()))
                        .as("every item of A arrived as itself, nothing more").isEmpty();
            }
        }
    }

    private static java.util.List<String> created(RestoreReport r) {
        return r.outcomes().stream().filter(o -> o.action() == Outcome.Action.CREATE)
                .map(o -> o.type() + "/" + o.sourceId()).toList();
    }

    private static java.util.List<String> minus(java.util.List<String> a, java.util.List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static java.util.List<String> updates(RestoreReport r) {
        return r.outcomes().stream().filter(o -> o.action() == Outcome.Action.UPDATE)
                .map(o -> o.type() + "/" + o.sourceId() + " " + o.fields()).toList();
    }
}
