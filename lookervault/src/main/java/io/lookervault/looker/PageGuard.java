package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guards one paged listing against a server that ignores {@code offset} or never ends. Paging stops only on a
 * short page, so such a server would be paged until memory runs out while the vault lock is held; instead a
 * full page seen twice, or more items than {@link #MAX_ITEMS}, ends the listing with a
 * {@link ListingException}. Keeps one 64-bit fingerprint per page, not the ids. Thread-safe.
 */
public final class PageGuard {
    /** More items in one list than any Looker holds of one kind: taken for a list that never ends. */
    public static final long MAX_ITEMS = 5_000_000;

    private final String path;
    private final long maxItems;
    private final Set<Long> pages = new HashSet<>();
    private long items;

    public PageGuard(String path) {
        this(path, MAX_ITEMS);
    }

    public PageGuard(String path, long maxItems) {
        this.path = path;
        this.maxItems = maxItems;
    }

    /** Records the page at {@code offset}; throws when it repeats an earlier page or passes the cap. */
    public synchronized void check(long offset, List<JsonNode> rows, String idField) throws ListingException {
        items += rows.size();
        if (items > maxItems) {
            throw new ListingException(path, "the list goes on past " + maxItems + " items (offset " + offset
                    + "), more than a Looker holds: paging stopped; the type is incomplete in this run");
        }
        if (!rows.isEmpty() && !pages.add(fingerprint(rows, idField))) {
            throw new ListingException(path, "the page at offset " + offset + " repeats an earlier page (the"
                    + " server ignores offset): paging stopped; the type is incomplete in this run");
        }
    }

    private static long fingerprint(List<JsonNode> rows, String idField) {
        long h = 1125899906842597L;
        for (JsonNode r : rows) {
            String id = r.path(idField).asText("");
            for (int i = 0; i < id.length(); i++) {
                h = 31 * h + id.charAt(i);
            }
            h = h * 1_000_003L + 0x9E3779B97F4A7C15L;
        }
        return h;
    }
}
