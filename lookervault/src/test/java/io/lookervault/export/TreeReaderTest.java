package io.lookervault.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import's checks of one file, nested fields included, with the place of the first problem: files only. */
class TreeReaderTest {
    private static final String DASHBOARD = """
            {
              "dashboard_elements": [
                {
                  "id": "70",
                  "title": "Revenue"
                },
                {
                  "id": "71",
                  "query": {
                    "fields": ["a.b"],
                    "vis_config": {"anything": [1, "goes"]}
                  },
                  "title": "Orders"
                }
              ],
              "dashboard_filters": [
                {
                  "allow_multiple_values": true,
                  "name": "Date"
                }
              ],
              "id": "7",
              "title": "Sales"
            }
            """;
    @TempDir
    Path dir;

    private TreeFile read(String json) throws Exception {
        Files.write(dir.resolve(Manifest.FILE), TreeFormat.JSON.write(new Manifest("https://x.example.com", 1,
                "2026-11-30T00:00:00Z", "test", TreeFormat.JSON, List.of("dashboards"), List.of(), false, List.of())
                .toJson()));
        Files.createDirectories(dir.resolve("folders/Shared"));
        Files.writeString(dir.resolve("folders/Shared/dashboard--7--Sales.json"), json);
        TreeReader reader = new TreeReader(Set.of("dashboards"));
        TreeReader.Tree tree = reader.scan(dir);
        return reader.load(tree, tree.entries().get(0));
    }

    @Test
    void aWellTypedDashboardPassesWithItsMapsOfAnything() throws Exception {
        assertThat(read(DASHBOARD).id()).isEqualTo("7");
    }

    @Test
    void aNestedFieldOfTheWrongKindIsNamedWithItsPathLineAndColumn() {
        assertThatThrownBy(() -> read(DASHBOARD.replace("\"title\": \"Orders\"", "\"title\": 5")))
                .isInstanceOf(TreeException.class).hasMessage("folders/Shared/dashboard--7--Sales.json:13:16:"
                        + " field 'dashboard_elements[1].title' must be a string, not a number (as the Looker API"
                        + " spec types it)");
        assertThatThrownBy(() -> read(DASHBOARD.replace("\"fields\": [\"a.b\"]", "\"fields\": \"a.b\"")))
                .hasMessageContaining(":10:19: field 'dashboard_elements[1].query.fields' must be an array, not a string");
        assertThatThrownBy(() -> read(DASHBOARD.replace("\"allow_multiple_values\": true",
                "\"allow_multiple_values\": \"yes\"")))
                .hasMessageContaining(":18:32: field 'dashboard_filters[0].allow_multiple_values' must be a boolean");
        assertThatThrownBy(() -> read(DASHBOARD.replace("{\n      \"id\": \"70\",\n      \"title\": \"Revenue\"\n    }",
                "\"tile\"")))
                .hasMessageContaining(":3:5: field 'dashboard_elements[0]' must be an object, not a string");
    }

    @Test
    void aTopLevelFieldOfTheWrongKindKeepsItsPlaceToo() {
        assertThatThrownBy(() -> read(DASHBOARD.replaceFirst("\"dashboard_filters\": \\[", "\"dashboard_filters\": {\"a\": [")
                .replace("\"name\": \"Date\"\n    }\n  ],", "\"name\": \"Date\"\n    }\n  ]},")))
                .hasMessageContaining(":16:24: field 'dashboard_filters' must be an array, not an object");
    }
}
