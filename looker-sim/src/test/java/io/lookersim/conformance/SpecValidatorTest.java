package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself: that it accepts what the spec allows and rejects what it does not. */
class SpecValidatorTest {
    private static final String DOC = "https://cloud.google.com/looker/docs/r/err/4.0/404/get/dashboards/:dashboard_id";
    private final SpecValidator v = SpecValidator.shared();

    @Test
    void indexesTheSameOperationsAsSwaggerParser() {
        ParseOptions opts = new ParseOptions();
        opts.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readLocation(
                SpecLocation.subsetSpec(), null, opts);
        assertThat(parsed.getMessages()).as("subset parses cleanly").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        List<String> subset = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            SpecOperation mine = v.operation(op.getOperationId());
            assertThat(mine.pathTemplate()).isEqualTo(path);
            assertThat(mine.method()).isEqualTo(method.name());
            subset.add(op.getOperationId());
        }));
        // the bundled subset serves exactly the operations of the TSV (170 since issue #18)
        assertThat(subset).containsExactlyInAnyOrderElementsOf(
                OperationTable.rows().stream().map(OperationTable.Row::operationId).toList());
        assertThat(v.operations()).hasSize(483);
    }

    @Test
    void findsTheOperationOfAConcretePathPreferringLiteralSegments() {
        assertThat(v.find("GET", "/api/4.0/dashboards/search?title=x").orElseThrow().operationId())
                .isEqualTo("search_dashboards");
        assertThat(v.find("GET", "http://127.0.0.1:1234/api/4.0/dashboards/42").orElseThrow().operationId())
                .isEqualTo("dashboard");
        assertThat(v.find("PATCH", "/dashboard_layout_components/7").orElseThrow().operationId())
                .isEqualTo("update_dashboard_layout_component");
        assertThat(v.find("GET", "/dashboards/lookml/model::name").orElseThrow().operationId())
                .isEqualTo("dashboard_lookml");
        assertThat(v.find("GET", "/no/such/thing")).isEmpty();
    }

    @Test
    void errorBodiesNeedBothRequiredFields() {
        assertThat(v.validate("GET", "dashboard", 404, "{\"message\":\"Not found\",\"documentation_url\":\"" + DOC + "\"}"))
                .isEmpty();
        assertThat(v.validate("GET", "dashboard", 404, "{\"message\":\"Not found\"}"))
                .anyMatch(p -> p.contains("documentation_url"));
        assertThat(v.validate("GET", "dashboard", 404, "{\"message\":null,\"documentation_url\":null}")).isEmpty();
    }

    @Test
    void validationErrorDetailsNeedDocumentationUrl() {
        String ok = "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"name\",\"code\":\"missing\","
                + "\"message\":\"required\",\"documentation_url\":\"" + DOC + "\"}],\"documentation_url\":\"" + DOC + "\"}";
        assertThat(v.validate("POST", "create_folder", 422, ok)).isEmpty();
        assertThat(v.validate("POST", "create_folder", 422, ok.replace(",\"documentation_url\":\"" + DOC + "\"}]", "}]")))
                .isNotEmpty();
    }

    @Test
    void honoursNullableAndTypes() {
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"id\":\"1\",\"description\":null,\"title\":\"t\"}"))
                .isEmpty();
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"id\":1}")).anyMatch(p -> p.contains("/id") || p.contains(".id"));
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"id\":null}")).as("id is nullable:false").isNotEmpty();
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"hidden\":\"yes\"}")).isNotEmpty();
        assertThat(v.validate("GET", "/dashboards/1", 200, "[]")).as("object expected").isNotEmpty();
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"id\":\"1\",\"space_id\":\"2\"}"))
                .as("a property the spec does not declare").anyMatch(p -> p.contains("space_id"));
    }

    @Test
    void nestedObjectsMayBeNullButNotOfTheWrongShape() {
        assertThat(v.validate("GET", "dashboard_element", 200, "{\"id\":\"3\",\"query\":null,\"look\":null}")).isEmpty();
        assertThat(v.validate("GET", "dashboard_element", 200, "{\"id\":\"3\",\"query\":{\"id\":9}}")).isNotEmpty();
        assertThat(v.validate("GET", "dashboard_element", 200, "{\"query\":{\"id\":\"9\",\"model\":\"m\",\"view\":\"v\"}}"))
                .isEmpty();
    }

    @Test
    void checksEnumsItemsAndMaps() {
        String alert = "{\"cron\":\"0 5 * * *\",\"destinations\":[],\"field\":{\"title\":\"t\",\"name\":\"v.f\"},"
                + "\"owner_id\":\"1\",\"threshold\":1.5,\"comparison_type\":";
        assertThat(v.validate("GET", "get_alert", 200, alert + "\"GREATER_THAN\"}")).isEmpty();
        assertThat(v.validate("GET", "get_alert", 200, alert + "\"BIGGER\"}")).isNotEmpty();
        assertThat(v.validate("GET", "get_alert", 200, alert + "null}")).as("nullable:false").isNotEmpty();
        assertThat(v.validate("GET", "get_alert", 200, "{\"comparison_type\":\"EQUAL_TO\"}")).as("required")
                .anyMatch(p -> p.contains("owner_id"));
        assertThat(v.validateTrimmed("GET", "get_alert", 200, "{\"comparison_type\":\"EQUAL_TO\"}")).isEmpty();
        assertThat(v.validateTrimmed("GET", "get_alert", 200, "{\"comparison_type\":\"BIGGER\"}")).isNotEmpty();
        assertThat(v.validate("GET", "/dashboards/search", 200, "[{\"id\":\"1\"},{\"id\":\"2\"}]")).isEmpty();
        assertThat(v.validate("GET", "/dashboards/search", 200, "[{\"id\":\"1\"},{\"id\":2}]")).isNotEmpty();
        String query = "{\"model\":\"m\",\"view\":\"v\",\"filters\":{\"a.b\":\"x\"},\"vis_config\":{\"k\":[1,{}]}}";
        assertThat(v.validate("GET", "query", 200, query)).isEmpty();
        assertThat(v.validate("GET", "query", 200, "{\"model\":\"m\",\"view\":\"v\",\"filters\":{\"a.b\":3}}")).isNotEmpty();
        assertThat(v.validate("GET", "integration", 200, "{\"supported_formats\":[\"csv\",\"json\"]}")).isEmpty();
        assertThat(v.validate("GET", "integration", 200, "{\"supported_formats\":[\"docx\"]}")).isNotEmpty();
    }

    @Test
    void assertsDateTimeFormat() {
        assertThat(v.validate("GET", "/looks/1", 200, "{\"created_at\":\"2024-05-01T10:11:12.000+00:00\"}")).isEmpty();
        assertThat(v.validate("GET", "/looks/1", 200, "{\"created_at\":\"yesterday\"}")).isNotEmpty();
    }

    @Test
    void completeAnswersCarryEveryNonNullableProperty() {
        String error = "{\"message\":\"m\",\"documentation_url\":null}";
        assertThat(v.validateComplete("GET", "dashboard", 404, error)).isEmpty();
        assertThat(v.validate("GET", "/dashboards/1", 200, "{\"id\":\"1\"}")).isEmpty();
        assertThat(v.validateComplete("GET", "/dashboards/1", 200, "{\"id\":\"1\"}"))
                .anyMatch(p -> p.contains("hidden")).noneMatch(p -> p.contains("'description'"));
    }

    @Test
    void failureMessagesMaskAccessTokens() {
        String login = "{\"access_token\":\"s3cr3t-token\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}";
        assertThatThrownBy(() -> v.assertValid("POST", "login", 200, login))
                .hasMessageContaining("expires_in").hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void statusRulesFollowNotesSection11() {
        String error = "{\"message\":\"Requires authentication.\",\"documentation_url\":\"" + DOC + "\"}";
        assertThat(v.validate("GET", "me", 401, error)).as("401 is undeclared but real").isEmpty();
        assertThat(v.validate("GET", "me", 503, error)).isEmpty();
        assertThat(v.validate("GET", "me", 418, error)).anyMatch(p -> p.contains("not declared"));
        assertThat(v.validate("DELETE", "delete_dashboard", 204, "")).isEmpty();
        assertThat(v.validate("DELETE", "delete_dashboard", 204, "\"\"")).anyMatch(p -> p.contains("204 with a body"));
        assertThat(v.validate("GET", "me", 200, "not json")).anyMatch(p -> p.contains("not JSON"));
        assertThat(v.validate("GET", "/nowhere", 200, "{}")).anyMatch(p -> p.contains("no spec operation"));
    }
}
