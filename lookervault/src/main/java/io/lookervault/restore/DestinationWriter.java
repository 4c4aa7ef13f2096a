package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NotFoundException;
import io.lookervault.looker.Page;
import java.util.Map;

/**
 * The destination Looker as restore sees it: reads pass through; every write passes the dry-run guard (a dry
 * run must never send a non-GET request) and is remembered per thread as the request a dead letter records.
 * Thread-safe.
 */
final class DestinationWriter {
    private final LookerApi api;
    private final boolean dryRun;
    private final ThreadLocal<String> lastRequest = new ThreadLocal<>();

    DestinationWriter(LookerApi api, boolean dryRun) {
        this.api = api;
        this.dryRun = dryRun;
    }

    JsonNode getOrNull(String path) throws LookerException, InterruptedException {
        try {
            return api.get(path, Map.of());
        } catch (NotFoundException e) {
            return null;
        }
    }

    JsonNode get(String path, Map<String, String> q) throws LookerException, InterruptedException {
        return api.get(path, q);
    }

    Page page(String path, Map<String, String> q, long offset, int limit) throws LookerException, InterruptedException {
        return api.page(path, q, offset, limit);
    }

    JsonNode post(String path, JsonNode body) throws LookerException, InterruptedException {
        guard("POST", path, body);
        return api.post(path, Map.of(), body);
    }

    /** Creates one item; see {@link LookerApi#create}. */
    JsonNode create(String path, JsonNode body, LookerApi.Existing existing)
            throws LookerException, InterruptedException {
        guard("POST", path, body);
        return api.create(path, body, existing);
    }

    JsonNode patch(String path, JsonNode body) throws LookerException, InterruptedException {
        guard("PATCH", path, body);
        return api.patch(path, Map.of(), body);
    }

    JsonNode patch(String path, Map<String, String> q, JsonNode body) throws LookerException, InterruptedException {
        guard("PATCH", path, body);
        return api.patch(path, q, body);
    }

    JsonNode put(String path, JsonNode body) throws LookerException, InterruptedException {
        return put(path, Map.of(), body);
    }

    JsonNode put(String path, Map<String, String> q, JsonNode body) throws LookerException, InterruptedException {
        guard("PUT", path, body);
        return api.put(path, q, body);
    }

    void delete(String path) throws LookerException, InterruptedException {
        guard("DELETE", path, null);
        try {
            api.delete(path, Map.of());
        } catch (NotFoundException e) {
            // already gone: the goal of a delete is reached
        }
    }

    private void guard(String method, String path, JsonNode body) {
        if (dryRun) {
            throw new IllegalStateException("a dry run must not write: " + method + " " + path);
        }
        // the dead-letter queue is in the vault, a file people copy: secret values are masked there
        lastRequest.set(method + " " + path + (body == null ? "" : " " + SecretNeeds.masked(body)));
    }

    /** The last write this thread sent: what the dead-letter queue records as the request. */
    String lastRequest() {
        return lastRequest.get();
    }

    /** Makes {@code request} this thread's last write: one a part of the same item sent on another thread. */
    void adoptLastRequest(String request) {
        lastRequest.set(request);
    }

    void clearLastRequest() {
        lastRequest.remove();
    }
}
