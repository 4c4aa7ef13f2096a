package io.lookersim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.gen.InstanceLayout;

/** Which soft-deleted items a listing shows; base items follow {@link InstanceLayout#baseTrashed}. */
public enum Trash {
    EXCLUDE, ONLY, ANY;

    private static final int PERIOD = InstanceLayout.TRASH_PERIOD;
    private static final int PHASE = InstanceLayout.TRASH_PHASE;

    public static boolean baseTrashed(long id) { return InstanceLayout.baseTrashed(id); }

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
