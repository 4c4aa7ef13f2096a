package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check and info, run in-process against the real simulator. */
class CliSimIT {
    private static LookerSim sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSim() throws IOException {
        sim = LookerSim.builder().port(0).scale(100).seed(3).build().start();
    }

    @AfterAll
    static void stopSim() {
        sim.close();
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().clear();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("LOOKERSDK_BASE_URL", sim.baseUrl());
        env.put("LOOKERSDK_CLIENT_ID", sim.clientId());
        env.put("LOOKERSDK_CLIENT_SECRET", sim.clientSecret());
        env.put("LOOKERVAULT_MAX_RETRIES", "0");
        return env;
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(dir, env, args);
    }

    @Test
    void checkIsReadyAgainstTheSimulatorAndNeverPrintsTheSecret() {
        CliRun r = run(env(), "check");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Ready.").contains("login works").contains("all users' schedules")
                .contains("environment (LOOKERSDK_CLIENT_SECRET)");
        assertThat(r.out() + r.err()).doesNotContain(sim.clientSecret());
    }

    @Test
    void checkAsJson() throws Exception {
        CliRun r = run(env(), "check", "--output", "json");
        JsonNode doc = JsonOutput.MAPPER.readTree(r.out());
        assertThat(doc.path("ready").asBoolean()).isTrue();
        assertThat(doc.path("checks")).allSatisfy(c -> assertThat(c.path("status").asText()).isEqualTo("ok"));
        assertThat(doc.path("settings").findValuesAsText("value")).doesNotContain(sim.clientSecret()).contains("set");
    }

    @Test
    void checkReportsAMissingPermissionAndExits3() throws Exception {
        sim.faults().add(FaultRule.status("all_scheduled_plans", 403));
        CliRun r = run(env(), "check", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECT);
        JsonNode doc = JsonOutput.MAPPER.readTree(r.out());
        JsonNode failed = null;
        for (JsonNode c : doc.path("checks")) {
            if (c.path("status").asText().equals("fail")) {
                failed = c;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.path("check").asText()).contains("schedules");
        assertThat(failed.path("detail").asText()).contains("403").contains("see_schedules");
    }

    @Test
    void anInstanceTypeTheApiUserMayNotReadIsASkippedRowNamingThePermissionAndExtractExits4() throws Exception {
        sim.faults().add(FaultRule.status("all_connections", 403));
        CliRun r = run(env(), "check");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.out()).contains("can read connections").contains("SKIPPED").contains("administer")
                .contains("can read projects").contains("a backup skips");
        r = run(env(), "info");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Reads connections").contains("needs permission administer")
                .contains("Reads ssh_servers");
        r = run(env(), "--db", dir.resolve("v.db").toString(), "extract", "connections", "ssh_servers");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.out() + r.err()).contains("skipped: needs permission administer");
    }

    @Test
    void checkWithWrongSecretFailsLoginAndExits3() {
        Map<String, String> env = env();
        env.put("LOOKERSDK_CLIENT_SECRET", "wrong-secret");
        CliRun r = run(env, "check");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECT);
        assertThat(r.out()).contains("login works").contains("FAIL").contains("client_secret")
                .doesNotContain("wrong-secret");
    }

    @Test
    void checkAgainstNothingListeningExits3() throws IOException {
        Map<String, String> env = env();
        env.put("LOOKERSDK_BASE_URL", "http://127.0.0.1:" + freePort());
        CliRun r = run(env, "check");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECT);
        assertThat(r.out()).contains("Looker reachable").contains("connection refused");
    }

    @Test
    void extractWithAWrongSecretOrNothingListeningExits3AndRecordsNoRun() throws Exception {
        Map<String, String> env = env();
        env.put("LOOKERSDK_CLIENT_SECRET", "wrong-secret");
        Path db = dir.resolve("refused.db");
        CliRun r = run(env, "--db", db.toString(), "extract");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CONNECT);
        assertThat(r.err()).contains("login").doesNotContain("wrong-secret").doesNotContain("\tat ");
        env = env();
        env.put("LOOKERSDK_BASE_URL", "http://127.0.0.1:" + freePort());
        env.put("LOOKERVAULT_MAX_RETRIES", "0");
        r = run(env, "--db", db.toString(), "extract");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CONNECT);
        assertThat(r.err()).contains("connection refused");
        try (io.lookervault.vault.Vault v = io.lookervault.vault.Vault.open(db)) {
            assertThat(v.runs()).isEmpty();
        }
    }

    @Test
    void checkWithAnUnwritableVaultFolderExits2() {
        CliRun r = run(env(), "check", "--db", dir.resolve("no/such/folder/looker.db").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("vault writable").contains("--db");
    }

    @Test
    void checkReadsLookerIni() throws IOException {
        Files.writeString(dir.resolve("looker.ini"), "[Looker]\nbase_url=" + sim.baseUrl() + "\nclient_id="
                + sim.clientId() + "\nclient_secret=" + sim.clientSecret() + "\nverify_ssl=True\n");
        CliRun r = run(Map.of("LOOKERVAULT_MAX_RETRIES", "0"), "check");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("looker.ini (");
    }

    @Test
    void infoShowsReleaseApiVersionUserAndVault() throws Exception {
        Files.write(dir.resolve("looker.db"), new byte[1234]);
        CliRun r = run(env(), "info");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Looker release").contains("API version").contains("4.0")
                .contains("API user").contains("1234 bytes");

        JsonNode doc = JsonOutput.MAPPER.readTree(run(env(), "--output", "json", "info").out());
        assertThat(doc.path("looker").path("release").asText()).isNotEmpty();
        assertThat(doc.path("api_user").path("id").asText()).isNotEmpty();
        assertThat(doc.path("vault").path("size_bytes").asLong()).isEqualTo(1234);
    }

    @Test
    void infoWithWrongCredentialsExits3WithOneLine() {
        Map<String, String> env = env();
        env.put("LOOKERSDK_CLIENT_ID", "nobody");
        CliRun r = run(env, "info");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CONNECT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot log in");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
