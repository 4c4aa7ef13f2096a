package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export / import / diff --dir through the real CLI, on a vault the real extraction filled from the simulator:
 * stable bytes, an edit that shows in diff --dir and lands as an import run that verify accepts, and broken
 * files that stop the import with their place and leave the vault as it was.
 */
class ExportIT {
    private static LookerSim sim;
    @TempDir
    static Path dir;
    private static Path db;

    @BeforeAll
    static void extract() throws Exception {
        sim = LookerSim.builder().port(0).scale(120).seed(5).build().start();
        db = dir.resolve("v.db");
        assertThat(InspectHarness.extract(sim, db).code()).isZero();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static InspectHarness.Result cli(String... args) {
        String[] all = Stream.concat(Stream.of("--db", db.toString()), Stream.of(args)).toArray(String[]::new);
        return InspectHarness.cli(null, dir, all);
    }

    @Test
    void exportingTwiceGivesIdenticalBytesAndTheManifestListsEveryFile() throws Exception {
        Path tree = dir.resolve("twice");
        InspectHarness.Result first = cli("--output", "json", "export", tree.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Map<String, byte[]> before = files(tree);
        InspectHarness.Result second = cli("--output", "json", "export", tree.toString(), "--clean");
        assertThat(second.json().path("written").asInt()).isZero();
        assertThat(second.json().path("removed").asInt()).isZero();
        Map<String, byte[]> after = files(tree);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((p, b) -> assertThat(b).as(p).isEqualTo(before.get(p)));

        JsonNode manifest = InspectHarness.JSON.readTree(before.get("lookervault.json"));
        assertThat(manifest.path("files").size()).isEqualTo(before.size() - 1).isEqualTo(first.json().path("files").asInt());
        assertThat(manifest.path("source_url").asText()).isEqualTo(sim.baseUrl());
        for (JsonNode f : manifest.path("files")) {
            assertThat(io.lookervault.vault.Hashes.sha256(before.get(f.path("path").asText())))
                    .as(f.path("path").asText()).isEqualTo(f.path("sha256").asText());
        }
        assertThat(before.keySet()).anyMatch(p -> p.matches("folders/Shared/.+/folder\\.json"))
                .noneMatch(p -> p.matches("folders/.+/dashboard--\\d+--.+\\.json"))
                .anyMatch(p -> p.matches("users/.+@.+\\.json")).anyMatch(p -> p.startsWith("admin/groups/"));
        // dashboards are named by their slug (the simulator gives each one), which survives a promotion; ids do not
        for (JsonNode f : manifest.path("files")) {
            if (f.path("type").asText().equals("dashboards")) {
                String slug = InspectHarness.JSON.readTree(before.get(f.path("path").asText())).path("slug").asText();
                assertThat(f.path("path").asText()).as("slug " + slug).contains("/dashboard--" + slug + "--");
            }
        }
                String all = new String(before.values().stream().reduce(new byte[0], ExportIT::concat), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("\"can\"").doesNotContain("\"view_count\"").doesNotContain(sim.clientSecret());
    }

    @Test
    void theManifestKeepsAHashOnlyWhereTheBytesAndTheDocumentAreUnchanged() throws Exception {
        Path tree = dir.resolve("hashes");
        assertThat(cli("export", tree.toString()).code()).isZero();
        Path manifestFile = tree.resolve("lookervault.json");
        ObjectNode manifest = (ObjectNode) InspectHarness.JSON.readTree(manifestFile.toFile());
        // a marker in place of one unchanged file's hash: kept by the next export only if that export trusted
        // the manifest instead of hashing the file again
        ObjectNode kept = (ObjectNode) manifest.path("files").get(0);
        kept.put("sha256", "0".repeat(64));
        Files.writeString(manifestFile, manifest.toPrettyString());
        // a file edited in place with its size unchanged, its manifest entry left alone: must be hashed again
        Path sameSize = anyDashboard(tree);
        String good = Files.readString(sameSize);
        String edited = good.replaceFirst("\"title\": \"(.)", "\"title\": \"#");
        assertThat(edited).isNotEqualTo(good).hasSameSizeAs(good);
        Files.writeString(sameSize, edited);

        InspectHarness.Result again = cli("--output", "json", "export", tree.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().path("written").asInt()).isEqualTo(1);
        assertThat(Files.readString(sameSize)).isEqualTo(good);
        Map<String, String> hashes = manifestHashes(tree);
        assertThat(hashes.get(kept.path("path").asText())).isEqualTo("0".repeat(64));
        hashes.remove(kept.path("path").asText());
        assertHashesMatchFiles(tree, hashes);

        // an object edited in its file and imported: the new run's document differs from the manifest's run,
        // so its hash is computed again even though the bytes the export writes are the edited file's
        Files.writeString(manifestFile, Files.readString(manifestFile).replace("0".repeat(64),
                io.lookervault.vault.Hashes.sha256(Files.readAllBytes(tree.resolve(kept.path("path").asText())))));
        ObjectNode doc = (ObjectNode) InspectHarness.JSON.readTree(sameSize.toFile());
        doc.put("title", "Imported then exported");
        Files.writeString(sameSize, doc.toPrettyString() + "\n");
        assertThat(cli("import", tree.toString()).code()).isZero();
        InspectHarness.Result after = cli("--output", "json", "export", tree.toString(), "--clean");
        assertThat(after.code()).as(after.err()).isZero();
        Map<String, String> now = manifestHashes(tree);
        assertHashesMatchFiles(tree, now);
        // the title names the file, so the edited dashboard moved
        assertThat(now.keySet()).anyMatch(p -> p.endsWith("--Imported then exported.json"));
    }

    private static Map<String, String> manifestHashes(Path tree) throws Exception {
        Map<String, String> out = new TreeMap<>();
        InspectHarness.JSON.readTree(tree.resolve("lookervault.json").toFile()).path("files")
                .forEach(f -> out.put(f.path("path").asText(), f.path("sha256").asText()));
        return out;
    }

    private static void assertHashesMatchFiles(Path tree, Map<String, String> hashes) throws Exception {
        assertThat(hashes).isNotEmpty();
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            assertThat(io.lookervault.vault.Hashes.sha256(Files.readAllBytes(tree.resolve(e.getKey()))))
                    .as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void anEditedTitleShowsInDiffDirAndBecomesAnImportRunThatVerifyAccepts() throws Exception {
        Path tree = dir.resolve("edited");
        assertThat(cli("export", tree.toString()).code()).isZero();
        Path file = anyDashboard(tree);
        ObjectNode doc = (ObjectNode) InspectHarness.JSON.readTree(file.toFile());
        String id = doc.path("id").asText();
        doc.put("title", "Edited in git");
        Files.writeString(file, doc.toPrettyString());

        InspectHarness.Result diff = cli("--output", "json", "diff", "--dir", tree.toString());
        assertThat(diff.code()).as(diff.err()).isZero();
        assertThat(diff.json().path("changes")).hasSize(1);
        assertThat(diff.json().path("changes").get(0).path("id").asText()).isEqualTo(id);
        assertThat(diff.json().path("changes").get(0).path("fields").toString()).isEqualTo("[\"title\"]");

        InspectHarness.Result imp = cli("--output", "json", "import", tree.toString());
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.json().path("changed").asInt()).isEqualTo(1);
        assertThat(imp.json().path("added").asInt()).isZero();
        assertThat(imp.json().path("mode").asText()).isEqualTo("import");
        assertThat(cli("--output", "json", "show", "dashboards", id).json().path("title").asText())
                .isEqualTo("Edited in git");
        InspectHarness.Result verify = cli("verify");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(cli("--output", "json", "diff", "--dir", tree.toString()).json().path("changes")).isEmpty();
    }

    @Test
    void brokenFilesStopTheImportWithTheirPlaceAndLeaveTheVaultUnchanged() throws Exception {
        Path tree = dir.resolve("broken");
        assertThat(cli("export", tree.toString()).code()).isZero();
        Path file = anyDashboard(tree);
        String good = Files.readString(file);
        String runs = cli("--output", "json", "runs").out();

        Files.writeString(file, good.replaceFirst("\"title\": \"", "\"title\": \"x\",, \""));
        assertBroken(tree, file, ":\\d+:\\d+: not valid JSON: .*");

        // the top-level title: two spaces in, as the export indents the object's own keys
        Files.writeString(file, good.replaceFirst("\n  \"title\": \"[^\"]*\"", "\n  \"title\": 5"));
        assertBroken(tree, file, ":\\d+:\\d+: field 'title' must be a string, not a number");

        // a nested field: a tile's title, checked against the spec's DashboardElement
        ObjectNode nested = (ObjectNode) InspectHarness.JSON.readTree(good);
        ((ObjectNode) nested.withArray("dashboard_elements").get(0)).put("title", 7);
        Files.writeString(file, nested.toPrettyString());
        assertBroken(tree, file, ":\\d+:\\d+: field 'dashboard_elements\\[0\\]\\.title' must be a string, not a number.*");

        Files.writeString(file, good);
        Path twin = file.resolveSibling("dashboard--0--twin.json");
        Files.writeString(twin, good);
        assertBroken(tree, null, ": holds dashboards \\d+, as .* does: each object must be in one file only.*");
        Files.delete(twin);

        assertThat(cli("--output", "json", "runs").out()).as("no run was added").isEqualTo(runs);
        assertThat(cli("verify").code()).isZero();
    }

    @Test
    void runAndAsOfExportTheRunThatWasCurrentThen() throws Exception {
        Path history = dir.resolve("history.db");
        assertThat(InspectHarness.extract(sim, history).code()).isZero();
        Path then = dir.resolve("then");
        assertThat(cliOn(history, "export", then.toString()).code()).isZero();
        JsonNode first = cliOn(history, "--output", "json", "runs").json().findParents("run_id").stream()
                .filter(r -> r.path("run_id").asLong() == 1).findFirst().orElseThrow();
        sim.mutate("dashboards", "edit", 2);
        sim.mutate("looks", "add", 1);
        assertThat(InspectHarness.extract(sim, history).code()).isZero();

        Path now = dir.resolve("now");
        Path byRun = dir.resolve("by-run");
        Path byTime = dir.resolve("by-time");
        assertThat(cliOn(history, "export", now.toString()).code()).isZero();
        assertThat(cliOn(history, "export", byRun.toString(), "--run", "1").code()).isZero();
        InspectHarness.Result asOf = cliOn(history, "export", byTime.toString(), "--as-of",
                first.path("started_at").asText());
        assertThat(asOf.code()).as(asOf.err()).isZero();
        assertThat(files(now).keySet()).as("the second run saw a new look").hasSize(files(then).size() + 1);
        assertSameFiles(byRun, then);
        assertSameFiles(byTime, then);
        InspectHarness.Result before = cliOn(history, "export", dir.resolve("never").toString(), "--as-of", "2001-01-01");
        assertThat(before.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(before.err()).contains("no run had started by 2001-01-01");
    }

    private static InspectHarness.Result cliOn(Path vault, String... args) {
        String[] all = Stream.concat(Stream.of("--db", vault.toString()), Stream.of(args)).toArray(String[]::new);
        return InspectHarness.cli(null, dir, all);
    }

    private static void assertSameFiles(Path tree, Path expected) throws Exception {
        Map<String, byte[]> got = files(tree);
        Map<String, byte[]> want = files(expected);
        assertThat(got.keySet()).isEqualTo(want.keySet());
        got.forEach((p, b) -> assertThat(new String(b, StandardCharsets.UTF_8)).as(p)
                .isEqualTo(new String(want.get(p), StandardCharsets.UTF_8)));
    }

    private static void assertBroken(Path tree, Path file, String pattern) {
        InspectHarness.Result r = cli("import", tree.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.USAGE);
        String rel = file == null ? "" : java.util.regex.Pattern.quote(tree.relativize(file).toString().replace('\\', '/'));
        assertThat(r.err().strip()).matches("(?s)lookervault: cannot import .*: .*" + rel + pattern
                + "; nothing was written").doesNotContain("\tat ");
    }

    private static Path anyDashboard(Path tree) throws Exception {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.getFileName().toString().startsWith("dashboard--")).sorted().findFirst().orElseThrow();
        }
    }

    static Map<String, byte[]> files(Path tree) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(tree.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
