package io.lookervault.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with captured stdout/stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Settings naming a Looker nobody answers at: enough for usage errors and vault-only commands. */
    static final Map<String, String> UNREACHABLE_LOOKER = Map.of("LOOKERSDK_BASE_URL", "http://127.0.0.1:9",
            "LOOKERSDK_CLIENT_ID", "id", "LOOKERSDK_CLIENT_SECRET", "not-a-real-secret");

    /**
     * Settings for a simulator as a restore test wants them: its URL and credentials, one retry, and the rate
     * ceiling lifted (the simulator runs in the test's process).
     */
    static Map<String, String> restoreEnv(io.lookersim.LookerSim sim) {
        return Map.of("LOOKERSDK_BASE_URL", sim.baseUrl(), "LOOKERSDK_CLIENT_ID", sim.clientId(),
                "LOOKERSDK_CLIENT_SECRET", sim.clientSecret(), "LOOKERVAULT_MAX_RETRIES", "1",
                "LOOKERVAULT_RATE_LIMIT_PER_SECOND", "100000");
    }

    static CliRun run(Path workingDir, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new CliContext(o, e, env, workingDir, new Shutdown()));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
