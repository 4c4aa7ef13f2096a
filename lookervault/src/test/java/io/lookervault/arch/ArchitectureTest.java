package io.lookervault.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency lines of DESIGN.md. Rules about packages that do not exist yet pass vacuously. */
class ArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lookervault");
        // guard against a rule passing because nothing was imported
        org.assertj.core.api.Assertions.assertThat(app.contain(io.lookervault.looker.LookerClient.class)).isTrue();
    }

    @Test
    void lookerKnowsNothingOfTheVault() {
        noClasses().that().resideInAPackage("io.lookervault.looker..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.vault..")
                .allowEmptyShould(true).check(app);
    }

    @Test
    void vaultKnowsNothingOfLooker() {
        noClasses().that().resideInAPackage("io.lookervault.vault..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.looker..")
                .allowEmptyShould(true).check(app);
    }

    @Test
    void extractAndRestoreDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("io.lookervault.extract..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.restore..")
                .allowEmptyShould(true).check(app);
        noClasses().that().resideInAPackage("io.lookervault.restore..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.extract..")
                .allowEmptyShould(true).check(app);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("io.lookervault.looker..", "io.lookervault.vault..",
                        "io.lookervault.job..", "io.lookervault.config..", "io.lookervault.resilience..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookervault.cli..",
                        "io.lookervault.extract..", "io.lookervault.restore..")
                .allowEmptyShould(true).check(app);
        noClasses().that().resideInAPackage("io.lookervault.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookervault.looker..",
                        "io.lookervault.resilience..")
                .allowEmptyShould(true).check(app);
    }

    @Test
    void snapshotsStandOnTheVaultAndJobAlone() {
        // the snapshot room moves whole vaults: it reads them through vault/VaultCopy, never Looker
        noClasses().that().resideInAPackage("io.lookervault.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lookervault.looker..",
                        "io.lookervault.extract..", "io.lookervault.restore..", "io.lookervault.inspect..",
                        "io.lookervault.export..", "io.lookervault.cli..", "io.lookervault.config..")
                .check(app);
        // and only the snapshot room talks to object storage or encrypts
        noClasses().that().resideOutsideOfPackage("io.lookervault.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..",
                        "com.exceptionfactory.jagged..", "com.github.luben.zstd..")
                .check(app);
        noClasses().that().resideInAnyPackage("io.lookervault.looker..", "io.lookervault.vault..",
                        "io.lookervault.job..", "io.lookervault.config..", "io.lookervault.extract..",
                        "io.lookervault.restore..", "io.lookervault.inspect..", "io.lookervault.export..")
                .should().dependOnClassesThat().resideInAPackage("io.lookervault.snapshot..")
                .allowEmptyShould(true).check(app);
    }

    @Test
    void onlyTheVaultSpeaksSql() {
        // one room owns SQLite: its connections, pragmas, schema and every statement
        noClasses().that().resideOutsideOfPackage("io.lookervault.vault..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(app);
    }

    @Test
    void onlyTheDemoTourAndSimCommandsReachTheSimulator() {
        noClasses().that()
                .haveNameNotMatching("io\\.lookervault\\.cli\\.(DemoCommand|DemoSteps|TourCommand|Tour|SimCommand)(\\$.*)?")
                .and().resideOutsideOfPackage("io.lookersim..")
                .should().dependOnClassesThat().resideInAPackage("io.lookersim..")
                .allowEmptyShould(true).check(app);
    }
}
