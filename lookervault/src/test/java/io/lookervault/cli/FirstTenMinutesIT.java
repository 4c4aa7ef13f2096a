package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's path, as the README and {@code demo} tell it, on an environment with no Looker settings at all:
 * demo, then every command demo prints as a next step, the tour among them, and info on the demo vault.
 */
class FirstTenMinutesIT {
    private static final Map<String, String> NO_LOOKER = Map.of();

    @TempDir
    Path dir;

    @Test
    void everyNextStepThatDemoPrintsRunsAndExitsZero() {
        CliRun demo = CliRun.run(dir, NO_LOOKER, "demo", "--scale", "300");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.err()).contains("backing up again");
        assertThat(demo.out()).contains("run 1 completed").contains("run 2 completed").contains("Next, try:");

        List<String[]> steps = nextSteps(demo.out());
        assertThat(steps).extracting(FirstTenMinutesIT::verb).contains("list", "runs", "diff", "history", "tour");
        for (String[] args : steps) {
            // the tour is run at a small scale here; everything else exactly as printed
            String[] run = verb(args).equals("tour") ? new String[] {"tour", "--scale", "120"} : args;
            CliRun r = CliRun.run(dir, NO_LOOKER, run);
            assertThat(r.exitCode()).as(String.join(" ", run) + "\n" + r.out() + r.err()).isZero();
            if (verb(args).equals("diff") && args.length == 3) {
                assertThat(r.out()).contains("removed").contains("changed").contains("added");
            }
            if (verb(args).equals("tour")) {
                assertThat(r.err()).contains("$ lookervault --db tour.db restore single dashboards")
                        .contains("Done: the dashboard is back");
                assertThat(r.out()).contains("removed").contains("Ready.");
            }
        }
    }

    @Test
    void infoOnAVaultAloneShowsTheVaultAndSaysWhyLookerWasSkipped() throws Exception {
        assertThat(CliRun.run(dir, NO_LOOKER, "demo", "--scale", "100", "--no-changes").exitCode()).isZero();
        CliRun info = CliRun.run(dir, NO_LOOKER, "--db", "demo.db", "info");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("skipped: base_url is not set").contains("Vault runs").contains("dashboards");

        JsonNode json = new ObjectMapper().readTree(
                CliRun.run(dir, NO_LOOKER, "--db", "demo.db", "--output", "json", "info").out());
        assertThat(json.path("looker").path("skipped").asText()).contains("LOOKERSDK_BASE_URL");
        assertThat(json.path("vault").path("runs").asInt()).isEqualTo(1);
    }

    @Test
    void demoInJsonIsOneDocumentWithBothRunsAndTheNextSteps() throws Exception {
        CliRun demo = CliRun.run(dir, NO_LOOKER, "--output", "json", "demo", "--scale", "100");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(demo.out());
        assertThat(doc.path("runs")).hasSize(2);
        assertThat(doc.path("runs").get(1).path("run_id").asInt()).isEqualTo(2);
        assertThat(doc.path("next_steps").get(0).path("command").asText()).startsWith("lookervault --db demo.db");
    }

    @Test
    void theTourRefusesAVaultThatExists() throws Exception {
        Files.writeString(dir.resolve("tour.db"), "");
        CliRun r = CliRun.run(dir, NO_LOOKER, "tour");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("exists already");
    }

    private static String verb(String[] args) {
        return args[0].equals("--db") ? args[2] : args[0];
    }

    /** The commands under "Next, try:", without the leading "lookervault" and the trailing comment. */
    private static List<String[]> nextSteps(String out) {
        List<String[]> steps = new ArrayList<>();
        String[] lines = out.substring(out.indexOf("Next, try:")).split("\n");
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            String command = line.split("#")[0].strip();
            if (command.startsWith("lookervault ")) {
                steps.add(command.substring("lookervault ".length()).split("\\s+"));
            }
        }
        return steps;
    }
}
