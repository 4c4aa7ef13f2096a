package io.lookervault.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** File names safe everywhere, the layout of a tree, canonical documents: pure, no files. */
class TreeLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void aWindowsUnsafeTitleGetsASafeName() {
        assertThat(SafeNames.of("Q1: Revenue / Cost <draft>? \"final\" *|\\")).isEqualTo("Q1_ Revenue _ Cost _draft__ _final_ ___");
        assertThat(SafeNames.of("CON")).isEqualTo("_CON");
        assertThat(SafeNames.of("lpt1.backup")).isEqualTo("_lpt1.backup");
        assertThat(SafeNames.of("ends with dots... ")).isEqualTo("ends with dots");
        assertThat(SafeNames.of("tab\tand\nnewline")).isEqualTo("tab_and_newline");
        assertThat(SafeNames.of("..")).isEqualTo("_");
        assertThat(SafeNames.of("")).isEqualTo("_");
        assertThat(SafeNames.of("x".repeat(300))).hasSize(SafeNames.MAX);
        // decomposed é (as macOS may hand it over) and composed é give one name
        assertThat(SafeNames.of("Caf\u0065\u0301")).isEqualTo("Caf\u00e9");
        String emoji = SafeNames.of("\uD83D\uDCCA".repeat(100));
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(SafeNames.MAX);
        assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
    }

    @Test
    void contentSitsInItsFolderPathAndSiblingsThatCollideByCaseGetTheirIds() throws Exception {
        TreeLayout.Facts facts = new TreeLayout.Facts(
                Map.of("1", new String[] {"Shared", null}, "2", new String[] {"Sales", "1"},
                        "3", new String[] {"sales", "1"}, "4", new String[] {"EMEA: 2026?", "2"}),
                Map.of("dashboards/7", "4", "looks/9", "3"), Map.of("70", "7"),
                Map.of("users", Map.of("5", "Ann@Example.com", "6", "ann@example.com", "8", "bob@example.com"),
                        "groups", Map.of("11", "Admins"), "scheduled_plans", Map.of("12", "Daily", "13", "Orphan")));
        TreeLayout l = new TreeLayout(facts, TreeFormat.JSON);
        assertThat(l.path("folders", "1", json("{}"))).isEqualTo("folders/Shared/folder.json");
        assertThat(l.path("folders", "4", json("{}"))).isEqualTo("folders/Shared/Sales--2/EMEA_ 2026_/folder.json");
        assertThat(l.path("dashboards", "7", json("{\"folder_id\":\"4\",\"title\":\"Top: 10\"}")))
                .isEqualTo("folders/Shared/Sales--2/EMEA_ 2026_/dashboard--7--Top_ 10.json");
        assertThat(l.path("looks", "9", json("{\"folder_id\":\"3\",\"title\":\"L\"}")))
                .isEqualTo("folders/Shared/sales--3/look--9--L.json");
        assertThat(l.path("scheduled_plans", "12", json("{\"dashboard_id\":\"7\",\"name\":\"Daily\"}")))
                .isEqualTo("folders/Shared/Sales--2/EMEA_ 2026_/schedule--12--Daily.json");
        assertThat(l.path("scheduled_plans", "13", json("{\"dashboard_id\":\"99\",\"name\":\"Orphan\"}")))
                .isEqualTo("admin/scheduled_plans/Orphan.json");
        assertThat(l.path("alerts", "20", json("{\"dashboard_element_id\":\"70\",\"custom_title\":\"Low\"}")))
                .isEqualTo("folders/Shared/Sales--2/EMEA_ 2026_/alert--20--Low.json");
        assertThat(l.path("users", "5", json("{}"))).isEqualTo("users/Ann@Example.com--5.json");
        assertThat(l.path("users", "8", json("{}"))).isEqualTo("users/bob@example.com.json");
        assertThat(l.path("groups", "11", json("{}"))).isEqualTo("admin/groups/Admins.json");
    }

    @Test
    void aDashboardIsNamedByItsSlugAndTwinsInOneFolderGetTheirIds() throws Exception {
        Map<String, String[]> dashboards = Map.of("7", new String[] {"AbC12", "Revenue"},
                "8", new String[] {null, "Revenue"}, "30", new String[] {"twin", "Same: title"},
                "31", new String[] {"TWIN", "Same? title"}, "32", new String[] {"twin", "Same: title"},
                "40", new String[] {"x".repeat(80), "t"}, "41", new String[] {"x".repeat(80) + "y", "t"});
        Map<String, String> content = new java.util.HashMap<>();
        dashboards.keySet().forEach(id -> content.put("dashboards/" + id, "1"));
        content.put("dashboards/32", "2");
        TreeLayout l = new TreeLayout(new TreeLayout.Facts(Map.of("1", new String[] {"Shared", null},
                "2", new String[] {"Other", null}), content, Map.of(), Map.of(), dashboards), TreeFormat.JSON);
        assertThat(l.path("dashboards", "7", json("{\"folder_id\":\"1\",\"slug\":\"AbC12\",\"title\":\"Revenue\"}")))
                .isEqualTo("folders/Shared/dashboard--AbC12--Revenue.json");
        assertThat(l.path("dashboards", "8", json("{\"folder_id\":\"1\",\"slug\":\"\",\"title\":\"Revenue\"}")))
                .isEqualTo("folders/Shared/dashboard--8--Revenue.json");
        // equal but for case, and for characters Windows refuses: both get their ids; in another folder no clash
        assertThat(l.path("dashboards", "30", json("{\"folder_id\":\"1\",\"slug\":\"twin\",\"title\":\"Same: title\"}")))
                .isEqualTo("folders/Shared/dashboard--twin--Same_ title--30.json");
        assertThat(l.path("dashboards", "31", json("{\"folder_id\":\"1\",\"slug\":\"TWIN\",\"title\":\"Same? title\"}")))
                .isEqualTo("folders/Shared/dashboard--TWIN--Same_ title--31.json");
        assertThat(l.path("dashboards", "32", json("{\"folder_id\":\"2\",\"slug\":\"twin\",\"title\":\"Same: title\"}")))
                .isEqualTo("folders/Other/dashboard--twin--Same_ title.json");
        // slugs that only differ past the length a name keeps still get distinct files
        assertThat(l.path("dashboards", "40", json("{\"folder_id\":\"1\",\"slug\":\"" + "x".repeat(80) + "\",\"title\":\"t\"}")))
                .isNotEqualTo(l.path("dashboards", "41", json("{\"folder_id\":\"1\",\"slug\":\"" + "x".repeat(80)
                        + "y\",\"title\":\"t\"}")));
        assertThat(TreeLayout.typeOf("folders/Shared/dashboard--twin--Same_ title--31.json", TreeFormat.JSON))
                .contains("dashboards");
    }

    @Test
    void namesThatCollideAfterTheLengthCutStillGetDistinctFiles() {
        TreeLayout l = new TreeLayout(new TreeLayout.Facts(Map.of(), Map.of(), Map.of(),
                Map.of("groups", Map.of("1", "g".repeat(70) + "a", "2", "g".repeat(70) + "b"))), TreeFormat.JSON);
        assertThat(l.path("groups", "1", null)).isEqualTo("admin/groups/" + "g".repeat(SafeNames.MAX) + "--1.json");
        assertThat(l.path("groups", "2", null)).isEqualTo("admin/groups/" + "g".repeat(SafeNames.MAX) + "--2.json");
    }

    @Test
    void whereAFileIsSaysWhatItHolds() {
        assertThat(TreeLayout.typeOf("folders/A/B/folder.json", TreeFormat.JSON)).contains("folders");
        assertThat(TreeLayout.typeOf("folders/A/dashboard--new.json", TreeFormat.JSON)).contains("dashboards");
        assertThat(TreeLayout.typeOf("folders/A/schedule--1--x.json", TreeFormat.JSON)).contains("scheduled_plans");
        assertThat(TreeLayout.typeOf("admin/roles/Viewer.json", TreeFormat.JSON)).contains("roles");
        assertThat(TreeLayout.typeOf("users/a@b.c.yaml", TreeFormat.YAML)).contains("users");
        assertThat(TreeLayout.typeOf("folders/A/README.md", TreeFormat.JSON)).isEmpty();
        assertThat(TreeLayout.typeOf("lookervault.json", TreeFormat.JSON)).isEmpty();
        assertThatThrownBy(() -> TreeLayout.typeOf("folders/A/notes.json", TreeFormat.JSON))
                .hasMessageContaining("not an object file");
    }

    @Test
    void canonicalFormSortsKeysAndDropsVolatileAndSecretFieldsAtAnyDepth() throws Exception {
        JsonNode doc = json("{\"title\":\"T\",\"view_count\":3,\"can\":{\"x\":true},\"b\":[{\"z\":1,\"a\":2,"
                + "\"last_viewed_at\":\"t\"}],\"credentials_email\":{\"email\":\"e\",\"password_reset_url\":\"s\"}}");
        JsonNode c = Canonical.of(doc);
        assertThat(new String(TreeFormat.JSON.write(c), StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "b": [
                    {
                      "a": 2,
                      "z": 1
                    }
                  ],
                  "credentials_email": {
                    "email": "e"
                  },
                  "title": "T"
                }
                """);
        assertThat(Canonical.secretIn(doc)).isEqualTo("password_reset_url");
        assertThat(Canonical.secretIn(c)).isNull();
        assertThat(TreeFormat.YAML.read(TreeFormat.YAML.write(c))).isEqualTo(c);
    }

    @Test
    void storedDocumentsAndFilesParseStraightIntoTheSameCanonicalFormAsTheSortedCopy() throws Exception {
        String stored = "{\"zeta\":1.50,\"can\":{\"x\":true},\"title\":\"Caf\u00e9 \uD83D\uDCCA\",\"b\":[{\"z\":1,"
                + "\"a\":{\"y\":null,\"last_viewed_at\":\"t\",\"c\":[3,2]},\"view_count\":9},[{\"q\":1,\"p\":2}]],"
                + "\"credentials_email\":{\"password_reset_url\":\"s\",\"email\":\"e\"},\"A\":0,\"_x\":1e3}";
        // numbers keep their text (1.50 stays 1.50: TreeFormatTest), so the reference parse keeps it too
        JsonNode copy = Canonical.of(new ObjectMapper().enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).configure(
                com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .readTree(stored));
        JsonNode parsed = Exporter.canonical(stored.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isEqualTo(copy);
        for (TreeFormat f : TreeFormat.values()) {
            byte[] want = f.write(copy);
            assertThat(f.write(parsed)).as(f.name()).isEqualTo(want);
            // an exported file read back is canonical as read: the import stores what the export wrote
            assertThat(f.write(Canonical.inPlace(f.read(want)))).as(f.name()).isEqualTo(want);
        }
        // what an import stores: the compact form, an emoji as its UTF-8 bytes (as a string would give), hashed
        String emoji = "{\"a\":\"Caf\u00e9 \uD83D\uDCCA\",\"b\":1.5}";
        ImportPlan.Stored s = ImportPlan.stored(TreeFormat.JSON.read(emoji.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(s.json(), StandardCharsets.UTF_8)).isEqualTo(emoji);
        assertThat(s.sha256()).isEqualTo(io.lookervault.vault.Hashes.sha256(emoji));
        JsonNode shuffled = TreeFormat.JSON.read("{\"b\":1,\"a\":{\"d\":1,\"c\":2,\"can\":3}}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(TreeFormat.JSON.write(Canonical.inPlace(shuffled)), StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"a\": {\n    \"c\": 2,\n    \"d\": 1\n  },\n  \"b\": 1\n}\n");
    }
}
