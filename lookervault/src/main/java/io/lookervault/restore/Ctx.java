package io.lookervault.restore;

import io.lookervault.vault.RestoreStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NotFoundException;
import io.lookervault.looker.PathSegments;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one restore run shares: the destination client, the backed-up source, the id map, and the
 * translation of references from source ids to destination ids. Thread-safe: the client, source and store
 * are, and the caches are concurrent maps.
 */
final class Ctx {
    final LookerApi api;
    final Source source;
    final RestoreStore store;
    final String destUrl;
    final boolean sameInstance;
    final boolean dryRun;
    final long restoreId;
    final WriteFields write = WriteFields.get();
    private final Map<String, TypeRestorer> restorers;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();
    private final ThreadLocal<String> lastRequest = new ThreadLocal<>();

    Ctx(LookerApi api, Source source, RestoreStore store, String destUrl, boolean dryRun, long restoreId,
        Map<String, TypeRestorer> restorers) {
        this.api = api;
        this.source = source;
        this.store = store;
        this.destUrl = destUrl;
        this.sameInstance = io.lookervault.config.LookerSettings.sameInstance(destUrl, source.url());
        this.dryRun = dryRun;
        this.restoreId = restoreId;
        this.restorers = restorers;
    }

    /**
     * The destination id of a referenced source item: the id map, else the same id in the source instance,
     * else the item found at the destination by its natural key (then remembered); null when it does not exist
     * there (yet).
     */
    String ref(String type, String sourceId) throws LookerException, InterruptedException {
        if (sourceId == null || sourceId.isEmpty() || "null".equals(sourceId)) {
            return null;
        }
        var mapped = store.destId(source.url(), destUrl, type, sourceId);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        if (sameInstance) {
            return sourceId;
        }
        TypeRestorer r = restorers.get(type);
        JsonNode doc = source.doc(type, sourceId).orElse(null);
        if (r == null || doc == null) {
            return null;
        }
        JsonNode found = r.findExisting(doc, this);
        if (found == null) {
            return null;
        }
        String id = found.path("id").asText();
        map(type, sourceId, id);
        return id;
    }

    String ref(String type, JsonNode sourceId) throws LookerException, InterruptedException {
        return sourceId == null || sourceId.isNull() || sourceId.isMissingNode() ? null : ref(type, sourceId.asText());
    }

    void map(String type, String sourceId, String destId) {
        if (!dryRun) {
            store.map(source.url(), destUrl, type, sourceId, destId, restoreId);
        }
    }

    /** The destination item an item restores onto: by id map, by the same id in its own instance, by natural key. */
    JsonNode locate(String type, String sourceId, JsonNode doc, String pathPrefix)
            throws LookerException, InterruptedException {
        var mapped = store.destId(source.url(), destUrl, type, sourceId);
        if (mapped.isPresent()) {
            JsonNode d = getOrNull(pathPrefix + PathSegments.encode(mapped.get()));
            if (d != null) {
                return d;
            }
        }
        if (sameInstance) {
            JsonNode d = getOrNull(pathPrefix + PathSegments.encode(sourceId));
            if (d != null) {
                return d;
            }
        }
        TypeRestorer r = restorers.get(type);
        return r == null ? null : r.findExisting(doc, this);
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

    JsonNode post(String path, JsonNode body) throws LookerException, InterruptedException {
        guard("POST", path, body);
        return api.post(path, Map.of(), body);
    }

    /** Creates one item; see {@link io.lookervault.looker.LookerApi#create}. */
    JsonNode create(String path, JsonNode body, io.lookervault.looker.LookerApi.Existing existing)
            throws LookerException, InterruptedException {
        guard("POST", path, body);
        return api.create(path, body, existing);
    }

    JsonNode patch(String path, JsonNode body) throws LookerException, InterruptedException {
        guard("PATCH", path, body);
        return api.patch(path, Map.of(), body);
    }

    JsonNode put(String path, JsonNode body) throws LookerException, InterruptedException {
        guard("PUT", path, body);
        return api.put(path, Map.of(), body);
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
        lastRequest.set(method + " " + path + (body == null ? "" : " " + body));
    }

    /** The last write this thread sent: what the dead-letter queue records as the request. */
    String lastRequest() {
        return lastRequest.get();
    }

    void clearLastRequest() {
        lastRequest.remove();
    }

    /** The id of the user the client is logged in as (fallback owner of alerts, like gzr). */
    String me() throws LookerException, InterruptedException {
        Object id = memo.get("me");
        if (id == null) {
            id = api.get("/user", Map.of("fields", "id")).path("id").asText();
            memo.put("me", id);
        }
        return (String) id;
    }

    @SuppressWarnings("unchecked")
    <T> T memo(String key, Loader<T> loader) throws LookerException, InterruptedException {
        Object v = memo.get(key);
        if (v == null) {
            synchronized (memo) {
                v = memo.get(key);
                if (v == null) {
                    v = loader.load();
                    memo.put(key, v);
                }
            }
        }
        return (T) v;
    }

    void forget(String key) {
        memo.remove(key);
    }

    /** Loads a cached value. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws LookerException, InterruptedException;
    }

    /** Top-level keys of {@code body} whose values differ from {@code dest}'s (nested objects: keys of body only). */
    static List<String> diff(ObjectNode body, JsonNode dest) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!same(e.getValue(), dest == null ? null : dest.get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static boolean same(JsonNode want, JsonNode have) {
        boolean wantNull = want == null || want.isNull() || want.isMissingNode();
        boolean haveNull = have == null || have.isNull() || have.isMissingNode();
        if (wantNull || haveNull) {
            return wantNull == haveNull;
        }
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!same(e.getValue(), have.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            if (!have.isArray() || want.size() != have.size()) {
                return false;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!same(want.get(i), have.get(i))) {
                    return false;
                }
            }
            return true;
        }
        // numbers: 1 and 1L and "1" of an id field are the same value to Looker
        return want.asText().equals(have.asText());
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
