package io.lookervault.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lookervault.testing.SchemaWalk;
import io.lookervault.testing.SpecFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write-body resource is derived from the official spec, not kept by hand: this test derives it again
 * from {@code spec/looker-api/Looker.4.0.oas.json} and requires the bundled resource to be identical.
 * Run with {@code -Dregenerate=true} to rewrite the resource after a spec update.
 */
class WritableFieldsSpecTest {
    /** The schemas restore writes, and the schemas they nest. */
    static final List<String> ROOTS = List.of("Dashboard", "DashboardElement", "CreateDashboardFilter",
            "DashboardFilter", "DashboardLayout", "DashboardLayoutComponent", "LookWithQuery", "Query", "MergeQuery",
            "CreateFolder", "UpdateFolder", "User", "CredentialsEmail", "Group", "Role", "PermissionSet", "ModelSet",
            "UserAttribute", "Board", "BoardSection", "BoardItem", "ScheduledPlan", "Alert", "LookmlModel",
            "SshServer", "SshTunnel", "DBConnection", "Project", "SamlConfig", "OIDCConfig", "LDAPConfig", "Setting",
            "SessionConfig", "PasswordConfig", "CustomWelcomeEmail", "InternalHelpResourcesContent", "DigestEmails",
            "BackupConfiguration");
    /**
     * Properties the spec marks read-only that real Looker takes on write, and that restore must send (NOTES §5):
     * a tile's listens to dashboard filters, {@code result_maker.filterables[].listen} on create/update of a
     * dashboard element (sdk-codegen issue 926 and PR 818). Without them a restored dashboard's filters do nothing.
     */
    static final Map<String, java.util.Set<String>> WRITABLE_DESPITE_SPEC = Map.of("ResultMakerFilterables",
            java.util.Set.of("listen"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SPEC = SpecFiles.lookerSpec();
    private static final Path RESOURCE = Path.of("src", "main", "resources", "io", "lookervault", "restore",
            "writable-fields.json");

    @Test
    void bundledResourceEqualsWhatTheSpecSays() throws Exception {
        JsonNode schemas = JSON.readTree(SPEC.toAbsolutePath().normalize().toFile()).path("components").path("schemas");
        ObjectNode derived = derive(schemas);
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(RESOURCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
        }
        try (InputStream in = WriteFields.class.getResourceAsStream("writable-fields.json")) {
            assertThat(JSON.readTree(in)).isEqualTo(derived);
        }
    }

    @Test
    void derivationFollowsTheSdkRuleAndTheDocumentedExamples() throws Exception {
        JsonNode schemas = JSON.readTree(SPEC.toAbsolutePath().normalize().toFile()).path("components").path("schemas");
        ObjectNode d = derive(schemas);
        // NOTES §5: Dashboard.model is nominally writable but LookModel is all read-only, so it is dropped
        assertThat(d.path("Dashboard").has("model")).isFalse();
        assertThat(d.path("Dashboard").has("id")).isFalse();
        assertThat(d.path("Dashboard").has("dashboard_elements")).isFalse();
        assertThat(d.path("Dashboard").path("folder").asText()).isEqualTo("FolderBase");
        assertThat(d.path("Role").has("permission_set_id")).as("write-only is writable").isTrue();
        assertThat(d.path("User").has("email")).isFalse();
        assertThat(d.path("User").has("credentials_email")).isTrue();
        assertThat(d.path("User").has("credentials_google")).isFalse();
        assertThat(d.path("Query").has("client_id")).isTrue();
        // NOTES §5 exception: the tile↔filter wiring is written although the spec marks it read-only
        assertThat(d.path("DashboardElement").path("result_maker").asText())
                .isEqualTo("ResultMakerWithIdVisConfigAndDynamicFields");
        assertThat(d.path("ResultMakerWithIdVisConfigAndDynamicFields").path("filterables").asText())
                .isEqualTo("ResultMakerFilterables");
        assertThat(d.path("ResultMakerFilterables").path("listen").asText()).isEqualTo("ResultMakerFilterablesListen");
        assertThat(d.path("ResultMakerFilterablesListen").has("dashboard_filter_name")).isTrue();
        assertThat(d.path("ScheduledPlan").path("scheduled_plan_destination").asText())
                .isEqualTo("ScheduledPlanDestination");
    }

    /** schema → (writable property → nested schema name or null), for ROOTS and every schema they nest. */
    static ObjectNode derive(JsonNode schemas) {
        return SchemaWalk.derive(schemas, ROOTS, (schema, prop, p) -> {
            boolean exception = WRITABLE_DESPITE_SPEC.getOrDefault(schema, java.util.Set.of()).contains(prop);
            if (p.path("readOnly").asBoolean() && !exception) {
                return null;
            }
            String ref = refOf(p);
            if (ref == null) {
                return new SchemaWalk.Entry(NullNode.getInstance(), null);
            }
            return allReadOnly(schemas.path(ref)) ? null : new SchemaWalk.Entry(TextNode.valueOf(ref), ref);
        });
    }

    private static String refOf(JsonNode p) {
        String ref = p.path("$ref").asText(p.path("items").path("$ref").asText(""));
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The SDK generator's rule: a property whose type has only read-only properties is not writable. */
    private static boolean allReadOnly(JsonNode schema) {
        Iterator<JsonNode> it = schema.path("properties").elements();
        boolean any = false;
        while (it.hasNext()) {
            any = true;
            if (!it.next().path("readOnly").asBoolean()) {
                return false;
            }
        }
        return any;
    }
}
