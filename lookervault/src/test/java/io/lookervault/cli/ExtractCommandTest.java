package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path dir;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.run(dir, CliRun.UNREACHABLE_LOOKER, args);
        return last.exitCode();
    }

    @Test
    void workersOutsideOneToFiftyIsAUsageError() {
        assertThat(run("--db", dir.resolve("v.db").toString(), "extract", "--workers", "0")).isEqualTo(2);
        assertThat(run("--db", dir.resolve("v.db").toString(), "extract", "--workers", "51")).isEqualTo(2);
        assertThat(last.err()).contains("workers");
    }

    @Test
    void anUnknownTypeIsAUsageErrorNamingTheValidOnes() {
        assertThat(run("extract", "dashbords")).isEqualTo(2);
        assertThat(last.err()).contains("dashbords").contains("permission_sets");
    }

    @Test
    void recursiveWithoutFolderIdsIsAUsageError() {
        assertThat(run("extract", "--recursive")).isEqualTo(2);
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("extract", "--help")).isZero();
        assertThat(last.out()).contains("--incremental").contains("Examples");
    }
}
