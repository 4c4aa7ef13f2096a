package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.LookerSim;
import io.lookersim.http.RequestLogEntry;
import io.lookervault.vault.RestoreStore;
import io.lookervault.extract.ExtractReport;
import io.lookervault.job.RunStatus;
import io.lookervault.looker.LookerClient;
import io.lookervault.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression for issue #10 ("every tile's listening to dashboard filters is lost"): the corpus of
 * {@code src/test/resources/corpus/dashboards} (realistic dashboards: filters with ui_config, tiles listening to
 * them, merged tiles listening per source, notes, text tiles, pivots, table calculations, big vis configs,
 * positions) is built through the official Node SDK on an empty simulator, backed up, restored into another empty
 * one, compared field by field with the corpus files, damaged and repaired in place.
 */
class DashboardCorpusIT {
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus", "dashboards");
    @TempDir
    Path dir;

    @Test
    void corpusComesBackListeningOnAnEmptyInstanceAndAfterDamageInPlace() throws Exception {
        Assumptions.assumeTrue(SdkNode.available(), "@looker/sdk-node not installed in " + SdkNode.MODULES);
        try (LookerSim a = RestoreHarness.sim(0); LookerSim b = RestoreHarness.sim(0)) {
            Map<String, String> built = ids(SdkNode.createCorpus(a, CORPUS));
            assertThat(built).hasSizeGreaterThanOrEqualTo(30);
            Path adb = dir.resolve("a.db");
            ExtractReport ea = RestoreHarness.extract(a, adb);
            Map<String, JsonNode> aDash = dashboards(adb, ea.runId());
            for (Map.Entry<String, String> c : built.entrySet()) {
                assertThat(mismatches(corpus(c.getKey()), aDash.get(c.getValue()))).as("A keeps what the SDK wrote: " + c.getKey())
                        .isEmpty();
            }

            RestoreReport first = RestoreHarness.restore(b, adb, RestoreHarness.bulk(4));
            assertThat(first.status()).as(first.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            Path bdb = dir.resolve("b1.db");
            ExtractReport eb = RestoreHarness.extract(b, bdb);
            assertThat(RoundTripIT.compare(adb, ea.runId(), bdb, eb.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
            Map<String, String> onB = new TreeMap<>();
            Map<String, JsonNode> bDash = dashboards(bdb, eb.runId());
            try (RestoreStore map = RestoreStore.open(adb)) {
                for (Map.Entry<String, String> c : built.entrySet()) {
                    String dest = map.destId(a.baseUrl(), b.baseUrl(), "dashboards", c.getValue()).orElseThrow();
                    onB.put(c.getKey(), dest);
                    assertThat(mismatches(corpus(c.getKey()), bDash.get(dest))).as("B after restore: " + c.getKey()).isEmpty();
                }
            }

            List<String> touched = damage(b, onB, bDash);
            int before = b.requestLog().size();
            RestoreReport repair = RestoreHarness.restore(b, adb, RestoreHarness.bulk(4));
            assertThat(repair.status()).as(repair.outcomes().toString()).isEqualTo(RunStatus.COMPLETED);
            List<RequestLogEntry> log = b.requestLog().subList(before, b.requestLog().size());
            assertThat(paths(log, "PATCH", "/dashboard_elements/")).as("only the tiles whose listens were broken are sent")
                    .containsExactlyInAnyOrderElementsOf(touched);
            Path bdb2 = dir.resolve("b2.db");
            ExtractReport eb2 = RestoreHarness.extract(b, bdb2);
            assertThat(RoundTripIT.compare(adb, ea.runId(), bdb2, eb2.runId(), a.baseUrl(), b.baseUrl())).isEmpty();
            Map<String, JsonNode> repaired = dashboards(bdb2, eb2.runId());
            for (Map.Entry<String, String> c : onB.entrySet()) {
                assertThat(mismatches(corpus(c.getKey()), repaired.get(c.getValue()))).as("B repaired: " + c.getKey()).isEmpty();
            }

            int again = b.requestLog().size();
            RestoreHarness.restore(b, adb, RestoreHarness.bulk(4));
            assertThat(RestoreHarness.writes(b.requestLog().subList(again, b.requestLog().size())))
                    .as("an unchanged listen sends nothing").isZero();
        }
    }

    /**
     * Breaks B through the API as a careless user would; answers the ids of the tiles whose listens it broke:
     * a deleted filter (Looker drops the listens to it), a tile told to listen to nothing, a moved tile, a
     * deleted tile (recreated by the repair, so not patched) and a filter control changed.
     */
    private static List<String> damage(LookerSim b, Map<String, String> onB, Map<String, JsonNode> bDash) throws Exception {
        List<String> broken = new ArrayList<>();
        List<String> names = new ArrayList<>(onB.keySet());
        try (LookerClient api = RestoreHarness.client(b)) {
            JsonNode d1 = bDash.get(onB.get(names.get(0)));
            JsonNode filter = d1.path("dashboard_filters").get(0);
            api.delete("/dashboard_filters/" + filter.path("id").asText(), Map.of());
            broken.addAll(listeners(d1, filter.path("name").asText()));

            JsonNode d2 = bDash.get(onB.get(names.get(1)));
            JsonNode tile = firstListening(d2);
            ObjectNode deaf = Canon.JSON.createObjectNode();
            deaf.putObject("result_maker").putArray("filterables").addObject().putArray("listen");
            api.patch("/dashboard_elements/" + tile.path("id").asText(), Map.of(), deaf);
            broken.add(tile.path("id").asText());

            JsonNode d3 = bDash.get(onB.get(names.get(2)));
            JsonNode comp = d3.path("dashboard_layouts").get(0).path("dashboard_layout_components").get(0);
            api.patch("/dashboard_layout_components/" + comp.path("id").asText(), Map.of(),
                    Canon.JSON.createObjectNode().put("row", 99).put("column", 3).put("width", 5));

            JsonNode d4 = bDash.get(onB.get(names.get(3)));
            api.delete("/dashboard_elements/" + firstListening(d4).path("id").asText(), Map.of());

            JsonNode d5 = bDash.get(onB.get(names.get(4)));
            ObjectNode ui = Canon.JSON.createObjectNode();
            ui.putObject("ui_config").put("type", "dropdown_menu").put("display", "overflow");
            api.patch("/dashboard_filters/" + d5.path("dashboard_filters").get(0).path("id").asText(), Map.of(), ui);
        }
        assertThat(broken).as("the damage breaks listens").hasSizeGreaterThan(1);
        return broken;
    }

    private static List<String> listeners(JsonNode dashboard, String filterName) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : dashboard.path("dashboard_elements")) {
            if (e.path("result_maker").path("filterables").toString().contains("\"dashboard_filter_name\":\""
                    + filterName.replace("\"", "\\\"") + "\"")) {
                out.add(e.path("id").asText());
            }
        }
        return out;
    }

    private static JsonNode firstListening(JsonNode dashboard) {
        for (JsonNode e : dashboard.path("dashboard_elements")) {
            JsonNode fl = e.path("result_maker").path("filterables");
            if (fl.size() == 1 && fl.get(0).path("listen").size() > 0) {
                return e;
            }
        }
        throw new AssertionError("no listening tile on " + dashboard.path("title"));
    }

    private static List<String> paths(List<RequestLogEntry> log, String method, String prefix) {
        return log.stream().filter(e -> method.equals(e.method()) && e.path().contains(prefix))
                .map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)).collect(Collectors.toList());
    }

    /**
     * Field-by-field differences between a corpus file and the backed-up dashboard: title, filters (every field,
     * ui_config and listens_to_filters included), and per tile (matched by title, type and body) its text, notes,
     * query, merged sources, listens per filterable and position in the active layout.
     */
    static List<String> mismatches(JsonNode corpus, JsonNode d) {
        List<String> out = new ArrayList<>();
        if (d == null) {
            return List.of("dashboard missing");
        }
        check(out, "title", corpus.path("title"), d.path("title"));
        check(out, "description", corpus.path("description"), d.path("description"));
        check(out, "filter count", corpus.path("filters").size(), d.path("dashboard_filters").size());
        for (JsonNode f : corpus.path("filters")) {
            JsonNode have = byField(d.path("dashboard_filters"), "name", f.path("name").asText());
            for (String k : List.of("title", "type", "default_value", "model", "explore", "dimension", "row",
                    "allow_multiple_values", "required", "listens_to_filters", "ui_config")) {
                check(out, "filter " + f.path("name").asText() + "." + k, f.path(k), have == null ? null : have.path(k));
            }
        }
        check(out, "tile count", corpus.path("elements").size(), d.path("dashboard_elements").size());
        Set<String> seen = new TreeSet<>();
        JsonNode comps = activeComponents(d);
        for (JsonNode e : corpus.path("elements")) {
            JsonNode have = tile(d.path("dashboard_elements"), e, seen);
            String at = "tile " + e.path("title").asText(e.path("title_text").asText());
            if (have == null) {
                out.add(at + ": missing");
                continue;
            }
            for (String k : List.of("type", "title_hidden", "title_text", "subtitle_text", "body_text", "note_text",
                    "note_display", "note_state")) {
                if (e.has(k)) {
                    check(out, at + "." + k, e.path(k), have.path(k));
                }
            }
            tileQueries(out, at, e, have);
            JsonNode pos = byField(comps, "dashboard_element_id", have.path("id").asText());
            for (String k : List.of("row", "column", "width", "height")) {
                check(out, at + ".position." + k, e.path("position").path(k), pos == null ? null : pos.path(k));
            }
        }
        return out;
    }

    private static void tileQueries(List<String> out, String at, JsonNode e, JsonNode have) {
        JsonNode fl = have.path("result_maker").path("filterables");
        if (e.has("query")) {
            for (String k : List.of("model", "view", "fields", "pivots", "filters", "sorts", "limit", "vis_config", "dynamic_fields")) {
                check(out, at + ".query." + k, e.path("query").path(k), have.path("query").path(k));
            }
            check(out, at + ".filterables", 1, fl.size());
            check(out, at + ".listen", e.path("listen"), fl.path(0).path("listen"));
        } else if (e.has("merged")) {
            JsonNode sources = e.path("merged").path("sources");
            check(out, at + ".filterables", sources.size(), fl.size());
            for (int i = 0; i < sources.size(); i++) {
                check(out, at + ".source " + i + ".view", sources.get(i).path("query").path("view"), fl.path(i).path("view"));
                check(out, at + ".source " + i + ".name", sources.get(i).path("name"), fl.path(i).path("name"));
                check(out, at + ".source " + i + ".listen", sources.get(i).path("listen"), fl.path(i).path("listen"));
            }
        }
    }

    private static JsonNode activeComponents(JsonNode d) {
        for (JsonNode l : d.path("dashboard_layouts")) {
            if (l.path("active").asBoolean()) {
                return l.path("dashboard_layout_components");
            }
        }
        return Canon.JSON.createArrayNode();
    }

    private static JsonNode tile(JsonNode elements, JsonNode want, Set<String> taken) {
        for (JsonNode e : elements) {
            String id = e.path("id").asText();
            if (!taken.contains(id) && same(want.path("title"), e.path("title")) && same(want.path("body_text"), e.path("body_text"))
                    && same(want.path("type"), e.path("type"))) {
                taken.add(id);
                return e;
            }
        }
        return null;
    }

    private static JsonNode nullable(JsonNode n) {
        return n.isMissingNode() ? Canon.JSON.nullNode() : n;
    }

    private static boolean same(JsonNode want, JsonNode have) {
        return nullable(want).equals(nullable(have));
    }

    private static void check(List<String> out, String what, Object want, Object have) {
        JsonNode w = want instanceof JsonNode j ? nullable(j) : Canon.JSON.valueToTree(want);
        JsonNode h = have == null ? Canon.JSON.nullNode() : have instanceof JsonNode j ? nullable(j) : Canon.JSON.valueToTree(have);
        if (!w.equals(h) && !(w.isTextual() && h.isTextual() && w.asText().equals(h.asText()))) {
            out.add(what + ": " + w + " != " + h);
        }
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode x : array) {
            if (value.equals(x.path(field).asText())) {
                return x;
            }
        }
        return null;
    }

    private static JsonNode corpus(String file) throws Exception {
        return Canon.JSON.readTree(CORPUS.resolve(file).toFile());
    }

    private static Map<String, String> ids(String line) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Canon.JSON.readTree(line).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        try (Stream<Path> files = Files.list(CORPUS)) {
            assertThat(out.keySet()).as("every corpus file was built").hasSize((int) files.count());
        }
        return out;
    }

    private static Map<String, JsonNode> dashboards(Path db, long run) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        try (Vault v = Vault.open(db)) {
            for (String id : v.snapshot("dashboards", run).keySet()) {
                out.put(id, Canon.JSON.readTree(v.json("dashboards", id, run).orElseThrow()));
            }
        }
        return out;
    }
}
