package io.lookersim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.lookersim.LookerSim;
import io.lookersim.store.Store;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's package lines (issue #16): the root package is the facade (LookerSim, SimMain, the admin surface)
 * and nothing below reaches up to it; the packages below form no cycle; the leaves (json, fault, api, spec) know
 * nothing of the server, the store or the operations.
 */
class SimArchitectureTest {
    private static JavaClasses sim;

    @BeforeAll
    static void importSimulator() throws Exception {
        // Only the simulator's own class folder: scanning the whole class path for the package is what makes an
        // ArchUnit import slow.
        sim = new ClassFileImporter()
                .importPath(Paths.get(LookerSim.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        // guard against rules passing because nothing was imported
        assertThat(sim.contain(LookerSim.class) && sim.contain(Store.class)).isTrue();
    }

    @Test
    void nothingBelowTheRootReachesUpToIt() {
        noClasses().that().resideOutsideOfPackage("io.lookersim")
                .should().dependOnClassesThat().resideInAPackage("io.lookersim").check(sim);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.lookersim.(*)..").should().beFreeOfCycles().check(sim);
    }

    @Test
    void theStoreKnowsNothingOfHttpOrOperations() {
        noClasses().that().resideInAPackage("io.lookersim.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookersim.http..", "io.lookersim.ops..")
                .check(sim);
    }

    @Test
    void generatorsArePureFunctionsOfTheSeed() {
        noClasses().that().resideInAPackage("io.lookersim.gen..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookersim.store..", "io.lookersim.http..",
                        "io.lookersim.ops..", "io.lookersim.api..")
                .check(sim);
    }

    @Test
    void leavesStayLeaves() {
        noClasses().that().resideInAnyPackage("io.lookersim.json..", "io.lookersim.fault..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookersim.api..", "io.lookersim.spec..",
                        "io.lookersim.http..", "io.lookersim.store..", "io.lookersim.ops..", "io.lookersim.gen..")
                .check(sim);
        noClasses().that().resideInAnyPackage("io.lookersim.api..", "io.lookersim.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookersim.http..", "io.lookersim.store..",
                        "io.lookersim.ops..", "io.lookersim.gen..")
                .check(sim);
    }

    @Test
    void theSimulatorNeverDependsOnTheApp() {
        noClasses().that().resideInAPackage("io.lookersim..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault..").check(sim);
    }
}
