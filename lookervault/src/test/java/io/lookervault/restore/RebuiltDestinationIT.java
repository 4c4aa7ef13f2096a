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
        Path db = dir.resolve("a.db");
        try (LookerSim a = RestoreHarness.sim(150)) {
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
                RestoreReport r2 = RestoreHarness.restore(rebuilt, db, RestoreHarness.bulk(8));
                assertThat(r2.status()).as(r2.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
                // into the same empty Looker, the same work: built-ins (Shared folder, Admin role, settings) updated,
                // the rest created, none of it taken for something made a moment ago
                assertThat(r2.count(Outcome.Action.CREATE)).as("%s", r2.outcomes()).isEqualTo(r1.count(Outcome.Action.CREATE));
                assertThat(r2.count(Outcome.Action.UPDATE)).as("updated the second time only: %s", updates(r2).stream()
                        .filter(u -> !updates(r1).contains(u)).toList()).isEqualTo(r1.count(Outcome.Action.UPDATE));

                Path bdb = dir.resolve("b.db");
                ExtractReport eb = RestoreHarness.extract(rebuilt, bdb);
                assertThat(RoundTripIT.compare(db, ea.runId(), bdb, eb.runId(), a.baseUrl(), rebuilt.baseUrl()))
                        .as("every item of A arrived as itself, nothing more").isEmpty();
            }
        }
    }

    private static java.util.List<String> updates(RestoreReport r) {
        return r.outcomes().stream().filter(o -> o.action() == Outcome.Action.UPDATE)
                .map(o -> o.type() + "/" + o.sourceId() + " " + o.fields()).toList();
    }
}
