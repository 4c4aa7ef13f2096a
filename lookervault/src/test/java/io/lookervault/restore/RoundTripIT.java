package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A → vault → empty B → extract B: the same content, references translated; twice: no duplicates. */
class RoundTripIT {
    @TempDir
    Path dir;

    @Test
    void restoresAWholeInstanceIntoAnEmptyOneAndASecondRunChangesNothing() throws Exception {
        try (LookerSim a = RestoreHarness.sim(120); LookerSim b = RestoreHarness.sim(0)) {
            Path db = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, db);
            RestoreReport first = RestoreHarness.restore(b, db, RestoreHarness.bulk(8));
            System.out.println("FIRST " + first.status() + " " + first.counts());
            first.outcomes().stream().filter(o -> o.action() == Outcome.Action.FAILED || !o.notes().isEmpty())
                    .limit(40).forEach(o -> System.out.println("  " + o));
            RestoreReport second = RestoreHarness.restore(b, db, RestoreHarness.bulk(8));
            System.out.println("SECOND " + second.status() + " " + second.counts());
            second.outcomes().stream().filter(o -> o.action() != Outcome.Action.UNCHANGED)
                    .limit(40).forEach(o -> System.out.println("  " + o));
        }
    }
}
