package io.lookervault.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lookervault.testing.SchemaWalk;
import io.lookervault.testing.SpecFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The kinds import checks come from the official spec, not from a hand-kept list: this test derives
 * {@code tree-kinds.json} again from {@code spec/looker-api/Looker.4.0.oas.json} and requires the bundled
 * resource to be identical. Run with {@code -Dregenerate=true} to rewrite it after a spec update.
 */
class TreeKindsSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCE = Path.of("src", "main", "resources", "io", "lookervault", "export",
            TreeSchemas.RESOURCE);

    @Test
    void bundledResourceEqualsWhatTheSpecSays() throws Exception {
        JsonNode schemas = JSON.readTree(SpecFiles.lookerSpec().toFile()).path("components").path("schemas");
        ObjectNode derived = derive(schemas);
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(RESOURCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
        }
        try (InputStream in = TreeSchemas.class.getResourceAsStream(TreeSchemas.RESOURCE)) {
            assertThat(JSON.readTree(in)).isEqualTo(derived);
        }
        assertThat(derived.path("Dashboard").path("dashboard_elements").asText()).isEqualTo("array:DashboardElement");
        assertThat(derived.path("Dashboard").path("dashboard_filters").asText()).isEqualTo("array:DashboardFilter");
        assertThat(derived.path("DashboardElement").path("title").asText()).isEqualTo("string");
        assertThat(derived.path("DashboardElement").path("query").asText()).isEqualTo("object:Query");
        assertThat(derived.path("Query").path("vis_config").asText()).as("a map of anything").isEqualTo("object");
    }

    /** schema → (property → kind, or kind:Schema for nested objects and arrays of them), ROOTS and all they nest. */
    static ObjectNode derive(JsonNode schemas) {
        return SchemaWalk.derive(schemas, new TreeMap<>(TreeSchemas.ROOTS).values(), (schema, prop, p) -> {
            String kind = kind(schemas, p);
            return kind == null ? null : new SchemaWalk.Entry(TextNode.valueOf(kind),
                    kind.contains(":") ? kind.substring(kind.indexOf(':') + 1) : null);
        });
    }

    /** The kind of one property; null when the spec does not say (type any, or none). */
    private static String kind(JsonNode schemas, JsonNode p) {
        String ref = ref(p);
        if (ref != null) {
            String k = simple(schemas.path(ref));
            return k == null ? null : k.equals("object") ? "object:" + ref : k;
        }
        String type = p.path("type").asText("");
        if (type.equals("array")) {
            String item = ref(p.path("items"));
            return item != null && "object".equals(simple(schemas.path(item))) ? "array:" + item : "array";
        }
        return simple(p);
    }

    private static String ref(JsonNode p) {
        String ref = p.path("$ref").asText("");
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String simple(JsonNode p) {
        return switch (p.path("type").asText(p.has("properties") ? "object" : "")) {
            case "string" -> "string";
            case "integer", "number" -> "number";
            case "boolean" -> "boolean";
            case "array" -> "array";
            case "object" -> "object";
            default -> null;
        };
    }
}
