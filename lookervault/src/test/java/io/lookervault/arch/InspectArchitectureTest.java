package io.lookervault.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inspection reads what extraction wrote; it must not grow a dependency on how extraction or restore work. */
class InspectArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lookervault");
        org.assertj.core.api.Assertions.assertThat(app.contain(io.lookervault.inspect.Verifier.class)).isTrue();
    }

    @Test
    void inspectKnowsNeitherExtractNorRestoreNorTheCli() {
        noClasses().that().resideInAPackage("io.lookervault.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookervault.extract..",
                        "io.lookervault.restore..", "io.lookervault.cli..")
                .check(app);
    }

    @Test
    void nothingBelowTheCliReachesUpIntoInspect() {
        noClasses().that().resideInAnyPackage("io.lookervault.vault..", "io.lookervault.looker..",
                        "io.lookervault.extract..", "io.lookervault.job..", "io.lookervault.config..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.inspect..")
                .check(app);
    }
}
