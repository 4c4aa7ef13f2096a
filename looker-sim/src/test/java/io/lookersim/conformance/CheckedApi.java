package io.lookersim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookersim.conformance.ApiClient.Answer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sends requests through {@link ApiClient} and checks every answer: the expected status, the body against the
 * operation's schema in the official spec ({@link SpecValidator#validateComplete}, or the trimmed rules when the
 * request has {@code fields=}), and for 204 no body
 * and no JSON content type. Records which operations answered with a success status, so a test can prove that it
 * covered every operation. Thread-safe.
 */
public final class CheckedApi {
    private final ApiClient client;
    private final SpecValidator spec;
    private final Map<String, Set<Integer>> covered = new ConcurrentHashMap<>();

    public CheckedApi(ApiClient client, SpecValidator spec) {
        this.client = client;
        this.spec = spec;
    }

    public ApiClient client() {
        return client;
    }

    /** Sends and checks; returns the parsed body (null for 204). */
    public JsonNode call(int expectedStatus, String method, String pathAndQuery, Object body) {
        return answer(new int[] {expectedStatus}, method, pathAndQuery, body).json();
    }

    public JsonNode get(String pathAndQuery) {
        return call(200, "GET", pathAndQuery, null);
    }

    /** Sends and checks, accepting any of {@code expected} statuses. */
    public Answer answer(int[] expected, String method, String pathAndQuery, Object body) {
        Answer a = client.send(method, pathAndQuery, body);
        return check(a, expected, pathAndQuery);
    }

    /** Checks an answer obtained otherwise (e.g. by following a Link URL). */
    public Answer check(Answer a, int[] expected, String pathAndQuery) {
        String what = a.method() + " " + pathAndQuery;
        if (Arrays.stream(expected).noneMatch(s -> s == a.status())) {
            throw new AssertionError(what + ": expected status " + Arrays.toString(expected) + " but got " + a.status()
                    + "; body: " + SpecValidator.excerpt(a.body()));
        }
        if (a.status() == 204) {
            assertThat(a.body()).as(what + ": 204 body").isEmpty();
            assertThat(a.header("Content-Type")).as(what + ": 204 content type")
                    .satisfiesAnyOf(ct -> assertThat(ct).isNull(), ct -> assertThat(ct).doesNotContain("json"));
        } else if (a.json() != null) {
            assertThat(a.header("Content-Type")).as(what + ": content type").startsWith("application/json");
        }
        boolean trimmed = pathAndQuery.contains("fields=");
        SpecOperation op = spec.find(a.method(), pathAndQuery).orElseThrow(
                () -> new AssertionError(what + ": no spec operation"));
        var problems = trimmed ? spec.validateTrimmed(a.method(), pathAndQuery, a.status(), a.body())
                : spec.validateComplete(a.method(), pathAndQuery, a.status(), a.body());
        if (!problems.isEmpty()) {
            throw new AssertionError(what + " -> " + a.status() + " does not conform to the spec:\n  "
                    + String.join("\n  ", problems) + "\n  body: " + SpecValidator.excerpt(a.body()));
        }
        covered.computeIfAbsent(op.operationId(), k -> ConcurrentHashMap.newKeySet()).add(a.status());
        return a;
    }

    /** Operation ids that answered (validated) with a 2xx status. */
    public Set<String> coveredWithSuccess() {
        return covered.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(s -> s >= 200 && s < 300))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public Map<String, Set<Integer>> coverage() {
        return new TreeMap<>(covered);
    }

    /** Expects a Looker error answer: the status, and a body validated as the op's declared error schema. */
    public JsonNode error(int status, String method, String pathAndQuery, Object body) {
        JsonNode json = call(status, method, pathAndQuery, body);
        assertThat(json).as(method + " " + pathAndQuery + ": error body").isNotNull();
        assertThat(json.path("message").asText("")).as("error message").isNotEmpty();
        assertThat(json.path("documentation_url").asText(""))
                .as("documentation_url per NOTES §7").matches("(https://cloud\\.google\\.com/looker/docs/r|https://docs\\.looker\\.com/r)/err/4\\.0/"
                        + status + "/.+");
        return json;
    }
}
