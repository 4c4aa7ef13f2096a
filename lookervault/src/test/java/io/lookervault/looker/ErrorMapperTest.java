package io.lookervault.looker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Optional<String> JSON = Optional.of("application/json");

    private static LookerException map(String method, String path, int status, String body) {
        return map(method, path, status, JSON, Optional.empty(), body);
    }

    private static LookerException map(String method, String path, int status, Optional<String> type,
                                       Optional<String> retryAfter, String body) {
        return ErrorMapper.map(method, path, status, type, retryAfter, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void eachStatusMapsToItsType() {
        String err = "{\"message\":\"Nope\",\"documentation_url\":\"https://docs\"}";
        assertThat(map("GET", "/users/1", 403, err)).isInstanceOf(ForbiddenException.class);
        assertThat(map("GET", "/users/1", 404, err)).isInstanceOf(NotFoundException.class);
        assertThat(map("POST", "/dashboards", 409, err)).isInstanceOf(ConflictException.class);
        assertThat(map("GET", "/users/1", 400, err)).isInstanceOf(BadRequestException.class);
        assertThat(map("DELETE", "/roles/2", 405, err)).isInstanceOf(BadRequestException.class);
        assertThat(map("GET", "/users/1", 500, err)).isInstanceOf(ServerException.class);
        assertThat(map("GET", "/users/1", 503, err)).isInstanceOf(ServerException.class);
        assertThat(map("GET", "/users/1", 429, err)).isInstanceOf(RateLimitedException.class);
        assertThat(map("GET", "/users/1", 401, err)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void transientOnlyFor429And5xx() {
        assertThat(map("GET", "/x", 429, "{}").isTransient()).isTrue();
        assertThat(map("GET", "/x", 502, "{}").isTransient()).isTrue();
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 422}) {
            assertThat(map("GET", "/x", status, "{}").isTransient()).as("status %d", status).isFalse();
        }
    }

    @Test
    void messageNamesMethodPathStatusAndLookersMessage() {
        LookerException e = map("GET", "/dashboards/42", 404, "{\"message\":\"Not found\"}");
        assertThat(e.getMessage()).isEqualTo("GET /dashboards/42 → 404: Not found");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/dashboards/42");
        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void badLoginIsAnAuthenticationErrorThatSaysWhatToCheck() {
        LookerException e = map("POST", "/login", 404, "{\"message\":\"Not found\"}");
        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).contains("client_id").contains("client_secret").contains("404");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void validationErrorCarriesFieldErrors() {
        String body = "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"name\",\"code\":\"missing\","
                + "\"message\":\"This field is required.\",\"documentation_url\":\"https://d\"}],"
                + "\"documentation_url\":\"https://d\"}";
        ValidationException e = (ValidationException) map("POST", "/folders", 422, body);
        assertThat(e.errors()).containsExactly(
                new ValidationException.FieldError("name", "missing", "This field is required."));
        assertThat(e.getMessage()).contains("Validation Failed").contains("name: This field is required.");
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        RateLimitedException s = (RateLimitedException) map("GET", "/x", 429, JSON, Optional.of("7"), "{}");
        assertThat(s.retryAfter()).contains(Duration.ofSeconds(7));
        RateLimitedException d = (RateLimitedException) map("GET", "/x", 429, JSON,
                Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), "{}");
        assertThat(d.retryAfter()).contains(Duration.ofSeconds(30));
        RateLimitedException none = (RateLimitedException) map("GET", "/x", 429, JSON, Optional.of("soon"), "{}");
        assertThat(none.retryAfter()).isEmpty();
    }

    @Test
    void htmlFromAProxyIsNamedAsSuchAndNotEchoed() {
        String html = "<html><body><h1>502 Bad Gateway</h1><p>secret-looking-detail</p></body></html>";
        LookerException e = map("GET", "/users", 502, Optional.of("text/html"), Optional.empty(), html);
        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.getMessage()).contains("HTML page").doesNotContain("secret-looking-detail");
        LookerException untyped = map("GET", "/users", 403, Optional.empty(), Optional.empty(), "  <!DOCTYPE html>");
        assertThat(untyped.getMessage()).contains("HTML page");
    }

    @Test
    void longMessagesAreCut() {
        String longMsg = "x".repeat(5000);
        LookerException e = map("GET", "/x", 400, "{\"message\":\"" + longMsg + "\"}");
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void emptyOrNonJsonBodyStillGivesAUsefulMessage() {
        assertThat(map("GET", "/x", 500, "").getMessage()).isEqualTo("GET /x → 500");
        assertThat(map("GET", "/x", 500, "{truncated").getMessage()).isEqualTo("GET /x → 500");
    }
}
