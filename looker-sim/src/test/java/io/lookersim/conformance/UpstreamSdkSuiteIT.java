package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookersim.LookerSim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: the integration suite Looker's own SDK team runs against a real Looker
 * (packages/sdk-node/test/sdk.apispec.ts of looker-open-source/sdk-codegen, copied unchanged into
 * src/test/node/upstream/) runs against the simulator with node:test, through the small harness in
 * src/test/node/upstream-harness/ (see src/test/node/upstream/README.md). A failing upstream test fails this IT with
 * the suite's own report. Tests outside what a backup tool uses are skipped by name (OUT_OF_SCOPE), so a test added
 * upstream runs by default.
 */
class UpstreamSdkSuiteIT {
    /** The sdk-codegen commit the suite is copied from (the same commit as spec/looker-api/). */
    static final String UPSTREAM_COMMIT = "c2bf549bdb6bf02117875712094195a7b48701fb";
    /** The copied files and their git blob ids at UPSTREAM_COMMIT: a local edit of a copy fails the test. */
    private static final Map<String, String> UPSTREAM_FILES = Map.of(
            "upstream/packages/sdk-node/test/sdk.apispec.ts", "c05dec1b5b42fb069df6c4a7cbeebdab3033dddf",
            "upstream/test/data.yml.json", "52c09a8ebb38ac2fc971c8a4e6969192bfc03e53",
            "upstream/LICENSE", "fcf14a0f27c286a3c7a7b7212f3a52a57b12afde");
    /** Upstream test (or suite) name -> why the simulator does not answer it. Keep in step with upstream/README.md. */
    static final Map<String, String> OUT_OF_SCOPE = outOfScope();
    private static final long TIMEOUT_SECONDS = 240;

    private static Map<String, String> outOfScope() {
        Map<String, String> m = new LinkedHashMap<>();
        String runs = "runs a query against a database (run_query/run_inline_query); the simulator stores queries but"
                + " has no data to run them on, and a backup never runs one";
        m.put("png and svg", "renders a thumbnail (content_thumbnail); the simulator renders nothing, and a backup"
                + " never reads images");
        m.put("create and run query", runs);
        m.put("run_inline_query", runs);
        m.put("parses a query with no results", runs);
        m.put("validate_theme throws error with details", "expects the exact three errors real Looker gives for a"
                + " theme without a name and with font_family 'Arial;'; which three is not documented (the simulator"
                + " answers 422 with the two it can justify: name missing, font_family invalid)");
        return Map.copyOf(m);
    }

    @Test
    void officialSdkIntegrationSuitePassesAgainstTheSimulator() throws Exception {
        Path dir = nodeDir();
        assertUpstreamCopiesUnchanged(dir);
        assertThat(dir.resolve("node_modules/tsx/package.json"))
                .as("the suite's tools are not installed in " + dir + ": the build runs `npm ci` there in "
                        + "pre-integration-test; run `mvn verify`, or `npm ci` in that folder").exists();
        Path work = Files.createTempDirectory("upstream-sdk-suite");
        try (LookerSim sim = LookerSim.builder().port(0).scale(300).seed(7).build().start()) {
            Path ini = work.resolve("looker.ini");
            // What the upstream suite reads as its "local looker.ini" (its Node environment test); removed after.
            Files.writeString(ini, "[Looker]\nbase_url=" + sim.baseUrl() + "\nclient_id=" + sim.clientId()
                    + "\nclient_secret=" + sim.clientSecret() + "\nverify_ssl=false\ntimeout=120\n");
            Path log = work.resolve("suite.log");
            ProcessBuilder pb = new ProcessBuilder("node", "--import", "tsx", "--import", "./upstream-harness/register.mjs",
                    "--test-reporter", "spec", "--test-timeout", "90000", "--test",
                    "upstream/packages/sdk-node/test/sdk.apispec.ts")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("LOOKERSDK_BASE_URL", sim.baseUrl());
            env.put("LOOKERSDK_CLIENT_ID", sim.clientId());
            env.put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
            env.put("LOOKERSDK_VERIFY_SSL", "false");
            env.put("LOOKERSDK_INI", ini.toString());
            env.put("LOOKERSIM_UPSTREAM_SKIP", new ObjectMapper().writeValueAsString(OUT_OF_SCOPE));
            Process p = start(pb);
            boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String report = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(report);
            assertThat(finished).as("the upstream suite did not finish in " + TIMEOUT_SECONDS + " s:\n" + report).isTrue();
            assertThat(report).as("the suite's output shows a secret").doesNotContain(sim.clientSecret());
            assertThat(p.exitValue()).as("the official SDK suite failed against the simulator:\n" + report).isZero();
            assertThat(report).as("nothing ran").contains("ℹ fail 0").containsPattern("ℹ pass [1-9]");
            for (String name : OUT_OF_SCOPE.keySet()) {
                assertThat(report).as("out-of-scope entry '" + name + "' matched no upstream test: remove or rename it")
                        .contains("﹣ " + name + " ");
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void assertUpstreamCopiesUnchanged(Path dir) throws Exception {
        for (Map.Entry<String, String> f : UPSTREAM_FILES.entrySet()) {
            assertThat(gitBlobId(Files.readAllBytes(dir.resolve(f.getKey()))))
                    .as(f.getKey() + " must stay a verbatim copy of sdk-codegen@" + UPSTREAM_COMMIT
                            + "; put adaptations in upstream-harness/").isEqualTo(f.getValue());
        }
    }

    /** What `git hash-object` prints for these bytes. */
    static String gitBlobId(byte[] content) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(sha1.digest(content));
    }

    private static Process start(ProcessBuilder pb) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError("node is not on PATH: UpstreamSdkSuiteIT needs Node.js >= 18.19 (and npm for the "
                    + "build's `npm ci`) to run the official sdk-node suite against the simulator", e);
        }
    }

    private static Path nodeDir() {
        String configured = System.getProperty("lookersim.sdkNodeDir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("src", "test", "node");
        assertThat(dir.resolve("upstream-harness/register.mjs")).as("upstream suite harness").exists();
        return dir.toAbsolutePath();
    }
}
