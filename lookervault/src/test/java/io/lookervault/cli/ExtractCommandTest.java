package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = Map.of("LOOKERSDK_BASE_URL", "http://127.0.0.1:9", "LOOKERSDK_CLIENT_ID", "id",
                "LOOKERSDK_CLIENT_SECRET", "not-a-real-secret");
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, new Shutdown());
        return Main.run(args, ctx);
    }

    @Test
    void workersOutsideOneToFiftyIsAUsageError() {
        assertThat(run("--db", dir.resolve("v.db").toString(), "extract", "--workers", "0")).isEqualTo(2);
        assertThat(run("--db", dir.resolve("v.db").toString(), "extract", "--workers", "51")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("workers");
    }

    @Test
    void anUnknownTypeIsAUsageErrorNamingTheValidOnes() {
        assertThat(run("extract", "dashbords")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("dashbords").contains("permission_sets");
    }

    @Test
    void recursiveWithoutFolderIdsIsAUsageError() {
        assertThat(run("extract", "--recursive")).isEqualTo(2);
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("extract", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--incremental").contains("Examples");
    }
}
