package io.lookervault.restore;

import io.lookersim.LookerSim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs src/test/node/read-dashboard.js with the official @looker/sdk-node the looker-sim build installs. */
final class SdkNode {
    static final Path MODULES = Path.of("..", "looker-sim", "src", "test", "node", "node_modules").toAbsolutePath()
            .normalize();

    private SdkNode() {}

    static boolean available() {
        return Files.exists(MODULES.resolve("@looker/sdk-node/package.json"));
    }

    /** The dashboard as the official SDK reads it (ids left out). */
    static String readDashboard(LookerSim sim, String id) throws IOException, InterruptedException {
        return run(sim, "read-dashboard.js", id);
    }

    /** Builds the corpus in {@code dir} on {@code sim} through the official SDK; answers its JSON line of ids. */
    static String createCorpus(LookerSim sim, Path dir) throws IOException, InterruptedException {
        return run(sim, "create-corpus.js", dir.toAbsolutePath().toString());
    }

    private static String run(LookerSim sim, String script, String arg) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", "src/test/node/" + script, arg);
        pb.environment().put("NODE_PATH", MODULES.toString());
        pb.environment().put("LOOKERSDK_BASE_URL", sim.baseUrl());
        pb.environment().put("LOOKERSDK_CLIENT_ID", sim.clientId());
        pb.environment().put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        pb.environment().put("LOOKERSDK_VERIFY_SSL", "false");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(script + " failed: " + out);
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }
}
