package io.lookervault.cli;

import static io.lookervault.cli.InspectHarness.cli;
import static io.lookervault.cli.InspectHarness.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.fault.FaultRule;
import io.lookersim.LookerSim;
import io.lookervault.extract.ExtractJob;
import io.lookervault.extract.ExtractOptions;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} over vaults made by real runs, then damaged on purpose: it must catch each kind of damage. */
class VerifyIT {
    @TempDir
    static Path dir;
    static LookerSim sim;
    static Path sound;

    @BeforeAll
    static void twoRuns() throws Exception {
        sim = LookerSim.builder().port(0).scale(150).seed(5).build().start();
        sound = dir.resolve("sound.db");
        assertThat(extract(sim, sound).code()).isZero();
        sim.mutate("dashboards", "edit", 2);
        assertThat(extract(sim, sound).code()).isZero();
        InspectHarness.checkpoint(sound);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static InspectHarness.Result verify(Path db) {
        return cli(sim, dir, "--db", db.toString(), "--output", "json", "verify");
    }

    private static Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(sound, p, StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private static List<String> problems(JsonNode report, String check) {
        List<String> out = new ArrayList<>();
        report.path("checks").forEach(c -> {
            if (c.path("check").asText().equals(check)) {
                c.path("problems").forEach(p -> out.add(p.asText()));
            }
        });
        return out;
    }

    @Test
    void aSoundVaultPasses() {
        InspectHarness.Result r = verify(sound);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.json().path("sound").asBoolean()).isTrue();
    }

    @Test
    void bytesOverwrittenInsideAStoredDocumentAreCaughtByItsHash() throws Exception {
        String title;
        try (LookerClient api = InspectHarness.client(sim)) {
            title = api.get("/looks/3", java.util.Map.of()).path("title").asText();
        }
        byte[] sound = Files.readAllBytes(VerifyIT.sound);
        byte[] needle = ("\"title\":\"" + title + "\"").getBytes(StandardCharsets.UTF_8);
        // SQLite leaves stale copies of moved cells in free space (page splits), where a changed byte harms
        // nothing: try the copies in file order until one is a live document, and require that one be caught
        for (int at = indexOf(sound, needle, 0); at >= 0; at = indexOf(sound, needle, at + 1)) {
            Path db = copy("flipped.db");
            byte[] bytes = sound.clone();
            int pos = at + 9;
            bytes[pos] = (byte) (bytes[pos] == 'X' ? 'Y' : 'X');
            Files.write(db, bytes);
            InspectHarness.Result r = verify(db);
            if (r.code() == ExitCodes.OK) {
                continue;
            }
            assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
            // the title may first occur in a dashboard that shows the look: whichever document it is, it is named
            assertThat(problems(r.json(), "hashes")).singleElement().asString().contains("content altered")
                    .containsPattern("used by [a-z_]+ \\d+");
            return;
        }
        throw new AssertionError("no stored copy of look 3's title is a live document");
    }

    @Test
    void aDamagedPageIsCaughtBySqlitesIntegrityCheckWithoutAStackTrace() throws Exception {
        Path db = copy("garbled.db");
        byte[] bytes = Files.readAllBytes(db);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        int pages = bytes.length / pageSize;
        for (int p = pages / 2; p < pages / 2 + 2; p++) {
            for (int i = p * pageSize; i < (p + 1) * pageSize; i++) {
                bytes[i] = (byte) 0x5a;
            }
        }
        Files.write(db, bytes);
        InspectHarness.Result r = verify(db);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(problems(r.json(), "sqlite")).isNotEmpty();
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void rowsEditedBehindItsBackAreCaught() throws Exception {
        Path db = copy("edited.db");
        InspectHarness.sql(db, "UPDATE versions SET hash=(SELECT hash FROM blobs WHERE hash<>versions.hash LIMIT 1)"
                + " WHERE type='looks' AND id='2' AND to_run IS NULL");
        InspectHarness.sql(db, "UPDATE run_type_counts SET changed=changed+5 WHERE run_id=2 AND type='dashboards'");
        InspectHarness.sql(db, "DELETE FROM blobs WHERE hash=(SELECT hash FROM items WHERE type='users' AND id='3')");
        InspectHarness.Result r = verify(db);
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(problems(r.json(), "references")).anyMatch(p -> p.contains("looks 2"))
                .anyMatch(p -> p.contains("users 3") && p.contains("missing document"));
        assertThat(problems(r.json(), "runs")).anyMatch(p -> p.contains("run 2") && p.contains("changed dashboards"));
    }

    @Test
    void aRunThatCrashedIsReportedIncompleteWithItsUnfinishedTypes() throws Exception {
        Path db = dir.resolve("crashed.db");
        try (LookerClient api = InspectHarness.client(sim); Vault v = Vault.open(db)) {
            ExtractJob job = new ExtractJob(api, v, sim.baseUrl(), Clock.systemUTC(), n -> {
                if (n >= 40) {
                    throw new IllegalStateException("simulated crash");
                }
            });
            assertThatThrownBy(() -> job.run(ExtractOptions.defaults().withWorkers(4), true))
                    .hasMessageContaining("simulated crash");
        }
        InspectHarness.Result r = verify(db);
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
        List<String> last = problems(r.json(), "last_run");
        assertThat(last).anyMatch(p -> p.contains("run 1 did not finish (status 'failed')"))
                .anyMatch(p -> p.contains("did not finish these types"));
        assertThat(problems(r.json(), "hashes")).isEmpty();
    }

    @Test
    void aRunWithAFailedItemIsReportedWithThatItem() {
        Path db = dir.resolve("failed.db");
        sim.faults().add(FaultRule.status("dashboard", 404).on("dashboard_id", "4"));
        try {
            assertThat(extract(sim, db).code()).isEqualTo(ExitCodes.PARTIAL);
        } finally {
            sim.faults().clear();
        }
        InspectHarness.Result r = verify(db);
        assertThat(r.code()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(problems(r.json(), "last_run")).singleElement().asString().contains("dashboards 4 failed");
    }

    @Test
    void aFileThatIsNotAVaultGivesAClearMessageAndExit2() throws Exception {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "these are not the bytes you are looking for, not a database at all ".repeat(10));
        InspectHarness.Result r = verify(text);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not a LookerVault vault").doesNotContain("Exception");
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
