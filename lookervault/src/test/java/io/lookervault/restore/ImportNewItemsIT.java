package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookervault.export.Exporter;
import io.lookervault.export.ImportPlan;
import io.lookervault.export.Importer;
import io.lookervault.export.TreeFormat;
import io.lookervault.export.TreeReader;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.Vault;
import io.lookervault.vault.VaultReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written by hand (here: a copy of an exported dashboard and of a look, without their ids and retitled)
 * is a new object: import gives it a {@code new-} id and restore creates it at the destination, beside the
 * object it was copied from rather than over it; a second restore creates nothing more.
 */
class ImportNewItemsIT {
    // content as code is content: the instance types (issue #11) are not exported
    private static final List<String> TYPES = Arrays.stream(ContentType.values()).filter(t -> !t.instance())
            .map(ContentType::key).toList();
    @TempDir
    Path dir;

    @Test
    void aFileWithoutAnIdIsCreatedAtRestoreOnceAndLeavesItsOriginalAlone() throws Exception {
        try (LookerSim a = RestoreHarness.sim(30); LookerSim b = RestoreHarness.sim(0)) {
            Path adb = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, adb);
            Path tree = dir.resolve("tree");
            try (VaultReader r = VaultReader.open(adb)) {
                new Exporter(r, TYPES).export(r.run(ea.runId()).orElseThrow(), tree,
                        new Exporter.Options(List.of(), List.of(), false, TreeFormat.JSON, true), "test");
            }
            JsonNode dash = copyWithoutId(tree, "dashboard--", "Copied by hand");
            JsonNode look = copyWithoutId(tree, "look--", "Copied look");

            Path cdb = dir.resolve("c.db");
            ImportPlan plan;
            long run;
            try (Vault v = Vault.open(cdb)) {
                TreeReader reader = new TreeReader(Set.copyOf(TYPES));
                Importer.Result res = Importer.write(v, reader, reader.scan(tree), Clock.systemUTC());
                plan = res.plan();
                run = res.run().runId();
            }
            // into a new vault every file is added; the two without ids got new ids of their own
            List<ImportPlan.Item> fresh = plan.items().stream().filter(i -> i.id().startsWith("new-")).toList();
            assertThat(fresh).extracting(ImportPlan.Item::type).containsExactlyInAnyOrder("dashboards", "looks");
            assertThat(fresh).allMatch(i -> i.action() == ImportPlan.Action.ADDED);
            int dashboards;
            int looks;
            try (Vault v = Vault.open(cdb)) {
                dashboards = v.snapshot("dashboards", run).size();
                looks = v.snapshot("looks", run).size();
            }

            RestoreReport first = RestoreHarness.restore(b, cdb, RestoreHarness.bulk(8));
            assertThat(first.status()).as(first.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            Map<String, List<JsonNode>> atB = items(b, dir.resolve("b1.db"));
            assertThat(atB.get("dashboards")).hasSize(dashboards);
            assertThat(titled(atB, "dashboards", "Copied by hand")).singleElement()
                    .satisfies(d -> assertThat(d.path("dashboard_elements")).hasSameSizeAs(dash.path("dashboard_elements")));
            assertThat(titled(atB, "dashboards", dash.path("title").asText())).as("the original, not overwritten")
                    .anyMatch(d -> d.path("slug").asText().equals(dash.path("slug").asText()));
            assertThat(atB.get("looks")).hasSize(looks);
            assertThat(titled(atB, "looks", "Copied look")).hasSize(1);
            assertThat(titled(atB, "looks", look.path("title").asText())).isNotEmpty();

            RestoreReport second = RestoreHarness.restore(b, cdb, RestoreHarness.bulk(8));
            assertThat(second.status()).as(second.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.count(Outcome.Action.CREATE)).as(second.counts().toString()).isZero();
            Map<String, List<JsonNode>> again = items(b, dir.resolve("b2.db"));
            assertThat(again.get("dashboards")).hasSize(dashboards);
            assertThat(again.get("looks")).hasSize(looks);
            assertThat(titled(again, "dashboards", "Copied by hand")).hasSize(1);
        }
    }

    /** Copies the first file named {@code prefix...} beside itself without its id and with a new title. */
    private static JsonNode copyWithoutId(Path tree, String prefix, String title) throws Exception {
        Path file;
        try (Stream<Path> s = Files.walk(tree)) {
            file = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().findFirst().orElseThrow();
        }
        JsonNode original = Canon.JSON.readTree(file.toFile());
        ObjectNode copy = original.deepCopy();
        copy.remove("id");
        copy.put("title", title);
        Files.writeString(file.resolveSibling(prefix + "copy--" + title + ".json"), copy.toPrettyString());
        return original;
    }

    /** The destination's dashboards and looks, as a fresh extraction of it sees them. */
    private static Map<String, List<JsonNode>> items(LookerSim sim, Path db) throws Exception {
        ExtractReport e = RestoreHarness.extract(sim, db);
        Map<String, List<JsonNode>> out = new java.util.HashMap<>();
        try (Vault v = Vault.open(db)) {
            for (String type : List.of("dashboards", "looks")) {
                List<JsonNode> docs = new ArrayList<>();
                for (String id : v.snapshot(type, e.runId()).keySet()) {
                    docs.add(Canon.JSON.readTree(v.json(type, id, e.runId()).orElseThrow()));
                }
                out.put(type, docs);
            }
        }
        return out;
    }

    private static List<JsonNode> titled(Map<String, List<JsonNode>> items, String type, String title) {
        return items.get(type).stream().filter(d -> d.path("title").asText().equals(title)).toList();
    }
}
