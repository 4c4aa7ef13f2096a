package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.PathSegments;
import io.lookervault.vault.RestoreStore;
import java.util.Map;
import java.util.Optional;

/**
 * Translation of source ids to destination ids for one restore run: the id map in the vault first, then the
 * same id when source and destination are one instance, then the item found at the destination by its
 * natural key (then remembered). Thread-safe: the store is.
 */
final class IdMap {
    private final RestoreContext ctx;
    private final RestoreStore store;
    private final Map<String, TypeRestorer> restorers;

    IdMap(RestoreContext ctx, RestoreStore store, Map<String, TypeRestorer> restorers) {
        this.ctx = ctx;
        this.store = store;
        this.restorers = restorers;
    }

    /** The destination id the id map holds for a source item, if any. */
    Optional<String> mapped(String type, String sourceId) {
        return store.destId(ctx.source.url(), ctx.destUrl, type, sourceId);
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
        var mapped = mapped(type, sourceId);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        if (ctx.sameInstance) {
            return sourceId;
        }
        TypeRestorer r = restorers.get(type);
        JsonNode doc = ctx.source.doc(type, sourceId).orElse(null);
        if (r == null || doc == null) {
            return null;
        }
        JsonNode found = r.findExisting(doc, ctx);
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
        if (!ctx.dryRun) {
            store.map(ctx.source.url(), ctx.destUrl, type, sourceId, destId, ctx.restoreId);
        }
    }

    /** The destination item an item restores onto: by id map, by the same id in its own instance, by natural key. */
    JsonNode locate(String type, String sourceId, JsonNode doc, String pathPrefix)
            throws LookerException, InterruptedException {
        var mapped = mapped(type, sourceId);
        if (mapped.isPresent()) {
            JsonNode d = ctx.dest.getOrNull(pathPrefix + PathSegments.encode(mapped.get()));
            if (d != null) {
                return d;
            }
        }
        if (ctx.sameInstance) {
            JsonNode d = ctx.dest.getOrNull(pathPrefix + PathSegments.encode(sourceId));
            if (d != null) {
                return d;
            }
        }
        TypeRestorer r = restorers.get(type);
        return r == null ? null : r.findExisting(doc, ctx);
    }
}
