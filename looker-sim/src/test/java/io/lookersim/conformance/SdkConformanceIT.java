package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.LookerSim;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official Looker Node SDK (@looker/sdk-node 26.12.0, installed by the build's {@code npm ci}) drives a
 * simulator through src/test/node/sdk-conformance.js: login, me, pager, reads, writes, errors, logout.
 */
class SdkConformanceIT {
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void officialNodeSdkPassesAgainstTheSimulator() throws Exception {
        Path dir = nodeDir();
        assertThat(dir.resolve("node_modules/@looker/sdk-node/package.json"))
                .as("@looker/sdk-node is not installed in " + dir + ": the build runs `npm ci` there in "
                        + "pre-integration-test (exec-maven-plugin); run `mvn verify`, or `npm ci` in that folder")
                .exists();
        String node = nodeExecutable();
        try (LookerSim sim = LookerSim.builder().port(0).scale(300).seed(7).build().start()) {
            ProcessBuilder pb = new ProcessBuilder(node, "sdk-conformance.js").directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
            pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
            pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
            pb.environment().put("LOOKERSDK_VERIFY_SSL", "false");
            File log = Files.createTempFile("sdk-conformance", ".log").toFile();
            pb.redirectOutput(log);
            Process p = pb.start();
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            Files.delete(log.toPath());
            System.out.println(output);
            assertThat(finished).as("sdk-conformance.js did not finish in " + TIMEOUT_SECONDS + " s:\n" + output).isTrue();
            assertThat(output).as("the script printed a secret").doesNotContain(sim.clientSecret());
            assertThat(p.exitValue()).as("sdk-conformance.js failed:\n" + output).isZero();
            assertThat(output).contains("summary:").doesNotContain("FAIL");
        }
    }

    private static Path nodeDir() {
        String configured = System.getProperty("lookersim.sdkNodeDir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("src", "test", "node");
        assertThat(dir.resolve("sdk-conformance.js")).as("conformance script").exists();
        return dir.toAbsolutePath();
    }

    /** Fails with a clear message when node is not on PATH (CI machines have it). */
    private static String nodeExecutable() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return "node";
            }
            throw new AssertionError("`node --version` failed: " + version);
        } catch (IOException e) {
            throw new AssertionError("node is not on PATH: SdkConformanceIT needs Node.js >= 18 (and npm for the "
                    + "build's `npm ci`) to run the official @looker/sdk-node against the simulator", e);
        }
    }
}
