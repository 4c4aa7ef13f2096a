package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.ContentType;
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

    /** Creates in progress, per type: see {@link #locate}. */
    private final Map<String, Creates> creating = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The creates of one type in progress, numbered as they begin. A create's object exists at the destination
     * before its answer arrives and its mapping is recorded: a read in that window must not take the object for
     * another item's.
     */
    private static final class Creates {
        private long last;
        private final java.util.TreeSet<Long> open = new java.util.TreeSet<>();

        synchronized long begin() {
            open.add(++last);
            return last;
        }

        synchronized void end(long ticket) {
            open.remove(ticket);
            notifyAll();
        }

        /** Waits until every create begun so far has ended (mapped its object, or failed). */
        synchronized void awaitBegun() throws InterruptedException {
            long upTo = last;
            while (!open.isEmpty() && open.first() <= upTo) {
                wait();
            }
        }
    }

    /** Marks the start of a create of {@code type}; pass the ticket to {@link #endCreate} once it is mapped. */
    long beginCreate(String type) {
        return creating.computeIfAbsent(type, t -> new Creates()).begin();
    }

    void endCreate(String type, long ticket) {
        creating.get(type).end(ticket);
    }

    /** Items whose restore failed in this run ("type/id"): not at the destination, whatever else says so. */
    private final java.util.Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Records that restoring a source item failed in this run, so references to it are treated as missing (a
     * user's roles are then only added to) rather than sent as ids Looker does not know.
     */
    void failed(String type, String sourceId) {
        failed.add(type + "/" + sourceId);
    }

    /** Same instance: whether an item is still there under its own id ("type/id" → answer, asked once per run). */
    private final Map<String, Boolean> inPlace = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether an unmapped item of the backup is still at its own instance under its id: a reference to an item
     * deleted there (and not restored, or failed) must not be sent as if it existed — Looker would refuse the
     * whole write (a user's role list) for it. Kinds without an item path (tiles) are taken as present.
     */
    private boolean presentInPlace(String type, String id) throws LookerException, InterruptedException {
        Optional<ContentType> t = ContentType.fromKey(type);
        if (t.isEmpty()) {
            return true;
        }
        String key = type + "/" + id;
        Boolean known = inPlace.get(key);
        if (known == null) {
            known = t.get().readableOne() ? ctx.dest.getOrNull(t.get().getPath(id)) != null
                    : BaseRestorer.exact(ctx.dest.get(t.get().listPath(), Map.of()), t.get().idField(), id) != null;
            inPlace.put(key, known);
        }
        return known;
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
        if (failed.contains(type + "/" + sourceId)) {
            return null;
        }
        var mapped = mapped(type, sourceId);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        if (ctx.sameInstance) {
            return presentInPlace(type, sourceId) ? sourceId : null;
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
    JsonNode locate(ContentType contentType, String sourceId, JsonNode doc)
            throws LookerException, InterruptedException {
        String type = contentType.key();
        var mapped = mapped(type, sourceId);
        if (!contentType.readableOne()) {
            TypeRestorer r = restorers.get(type);
            return r == null ? null : r.findExisting(doc, ctx); // no GET of one: by natural key in the list
        }
        if (mapped.isPresent()) {
            JsonNode d = ctx.dest.getOrNull(contentType.getPath(mapped.get()));
            // asked again after the read, once the creates of the type begun before it have recorded what they
            // made: in a destination rebuilt at the same URL another worker may have just created the object that
            // now holds this old id (it exists before its creator has its answer and maps it)
            if (d != null) {
                Creates c = creating.get(type);
                if (c != null) {
                    c.awaitBegun();
                }
                if (mapped(type, sourceId).equals(mapped)) {
                    return d;
                }
            }
        }
        if (ctx.sameInstance) {
            JsonNode d = ctx.dest.getOrNull(contentType.getPath(sourceId));
            if (d != null) {
                return d;
            }
        }
        TypeRestorer r = restorers.get(type);
        return r == null ? null : r.findExisting(doc, ctx);
    }
}
