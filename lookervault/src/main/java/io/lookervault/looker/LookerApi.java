package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The Looker API 4.0 as LookerVault uses it: the only door to Looker over HTTP.
 * Thread-safe: one instance is shared by every worker of a command.
 *
 * <p>Paths are relative to {@code /api/4.0} (for example {@code "/dashboards/42"}). Every call passes
 * through the shared rate limiter; transient failures (429, 5xx, timeouts, resets, malformed bodies)
 * are retried by the shared retry policy before an exception reaches the caller, and a 401 triggers one
 * re-login. What escapes is a {@link LookerException} subtype a caller can act on.
 */
public interface LookerApi extends AutoCloseable {

    /** GET a JSON document. */
    JsonNode get(String path, Map<String, String> query) throws LookerException, InterruptedException;

    /** GET one page of a list with {@code limit}/{@code offset} added to {@code query}. */
    Page page(String path, Map<String, String> query, long offset, int limit)
            throws LookerException, InterruptedException;

    JsonNode post(String path, Map<String, String> query, JsonNode body) throws LookerException, InterruptedException;

    /** Looks for an item that an earlier attempt of a create may have made; null when there is none. */
    @FunctionalInterface
    interface Existing {
        JsonNode find() throws LookerException, InterruptedException;
    }

    /**
     * POST that creates one item. Its answer can be lost after Looker committed the item (a reset, a cut
     * body, a timeout, a 5xx from a proxy), and repeating the POST would then make a second one: so before
     * each repeat {@code existing} looks for the first, and when it finds it, that is the answer.
     */
    JsonNode create(String path, JsonNode body, Existing existing) throws LookerException, InterruptedException;

    JsonNode patch(String path, Map<String, String> query, JsonNode body) throws LookerException, InterruptedException;

    JsonNode put(String path, Map<String, String> query, JsonNode body) throws LookerException, InterruptedException;

    /** DELETE; a 204 returns normally. */
    void delete(String path, Map<String, String> query) throws LookerException, InterruptedException;

    /** Counters since this client was made: requests sent, retries, 429s seen. */
    ApiStats stats();

    /** Logs out (best effort) and releases the HTTP client. */
    @Override
    void close();
}
