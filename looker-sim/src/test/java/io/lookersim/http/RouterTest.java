package io.lookersim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookersim.spec.Schemas;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router(Schemas.get().ops());

    private String op(String method, String path) {
        Router.Match m = router.match(method, path);
        return m.op() == null ? (m.pathExists() ? "405" : "404") : m.op().operationId();
    }

    /** Regression (issue #18): POST /themes/validate answered 405 and GET /themes/default 404 via /themes/{theme_id}. */
    @Test
    void fixedSegmentsWinOverPathParameters() {
        assertThat(op("POST", "/themes/validate")).isEqualTo("validate_theme");
        assertThat(op("GET", "/themes/default")).isEqualTo("default_theme");
        assertThat(op("GET", "/themes/7")).isEqualTo("theme");
        assertThat(op("GET", "/color_collections/default")).isEqualTo("default_color_collection");
        assertThat(op("PUT", "/color_collections/default")).isEqualTo("set_default_color_collection");
        assertThat(op("GET", "/color_collections/legacy")).isEqualTo("color_collection");
        assertThat(op("GET", "/users/search/names/%25%40foo.com")).isEqualTo("search_users_names");
        assertThat(op("GET", "/users/search")).isEqualTo("search_users");
        assertThat(op("GET", "/users/5/credentials_api3/1")).isEqualTo("user_credentials_api3");
        assertThat(op("GET", "/dashboards/search")).isEqualTo("search_dashboards");
    }

    /** Every operation of the bundled spec is reached by its own path with ordinary parameter values. */
    @Test
    void everyOperationIsReachableByItsOwnPath() {
        for (Schemas.Op o : Schemas.get().ops()) {
            String path = o.path().replaceAll("\\{[^}]+}", "v42");
            assertThat(op(o.method(), path)).as(o.method() + " " + path).isEqualTo(o.operationId());
        }
    }

    @Test
    void pathParametersAreDecoded() {
        assertThat(router.match("GET", "/users/search/names/%25%40foo.com").params()).containsEntry("pattern", "%@foo.com");
    }
}
