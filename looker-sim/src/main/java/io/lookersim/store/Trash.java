package io.lookersim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which soft-deleted items a listing shows. Base items are trashed by a fixed arithmetic pattern (every 50th, offset
 * 25) so that listing pages can be located without generating the items before them.
 */
public enum Trash {
    EXCLUDE, ONLY, ANY;

    public static final int PERIOD = 50;
    public static final int PHASE = 25;

    public static boolean baseTrashed(long id) { return id % PERIOD == PHASE; }

    /** Base items 1..n (n = min(upTo-1, baseMax)) visible in this mode; soft-delete types only. */
    public long countBase(long upToExclusive, long baseMax, boolean softDelete) {
        long n = Math.max(0, Math.min(upToExclusive - 1, baseMax));
        if (!softDelete || this == ANY) return n;
        long trashed = (n + (PERIOD - PHASE)) / PERIOD;
        return this == ONLY ? trashed : n - trashed;
    }

    public boolean baseVisible(long id, boolean softDelete) {
        if (!softDelete || this == ANY) return true;
        return baseTrashed(id) == (this == ONLY);
    }

    public boolean visible(ObjectNode n, boolean softDelete) {
        if (n == null) return false;
        if (!softDelete || this == ANY) return true;
        return n.path("deleted").asBoolean(false) == (this == ONLY);
    }
}
