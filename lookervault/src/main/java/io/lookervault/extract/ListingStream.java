package io.lookervault.extract;

import io.lookervault.looker.ContentType;
import io.lookervault.looker.PageGuard;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The paging state of one list of one type (e.g. dashboards, or trashed dashboards). Hands out page offsets
 * to any number of workers: one page at a time until a full page (or {@code X-Total-Count}) shows there is
 * more, then up to {@code parallel} pages at once; stops handing out pages after a short page. Thread-safe.
 */
final class ListingStream {
    private final ContentType type;
    private final Map<String, String> query;
    private final int limit;
    private final int parallel;
    private long nextOffset;
    private int inFlight;
    private long total = -1;
    private boolean sawFullPage;
    private boolean ended;
    private boolean failed;
    /** Cleared for good once a page goes past the server's X-Total-Count: a short total must not end the list. */
    private boolean trustTotal = true;
    private final PageGuard guard;

    ListingStream(ContentType type, Map<String, String> query, int limit, int parallel) {
        this(type, query, limit, parallel, PageGuard.MAX_ITEMS);
    }

    ListingStream(ContentType type, Map<String, String> query, int limit, int parallel, long maxItems) {
        this.type = type;
        this.query = Map.copyOf(query);
        this.limit = limit;
        this.parallel = Math.max(1, parallel);
        this.guard = new PageGuard(type.listPath(), maxItems);
    }

    /** Rejects a page that repeats an earlier one, or a list longer than any Looker's. */
    PageGuard guard() {
        return guard;
    }

    ContentType type() {
        return type;
    }

    Map<String, String> query() {
        return query;
    }

    int limit() {
        return limit;
    }

    boolean paged() {
        return type.paging() == ContentType.Paging.OFFSET_LIMIT;
    }

    /** The next offset to fetch, or empty when none may be fetched now (or ever). */
    synchronized OptionalLong claim() {
        if (ended) {
            return OptionalLong.empty();
        }
        if (!paged()) {
            if (nextOffset > 0) {
                return OptionalLong.empty();
            }
        } else if (total >= 0) {
            // the page at offset == total is fetched only when the last page was exactly full
            if (nextOffset > total) {
                return OptionalLong.empty();
            }
        } else if (inFlight >= (sawFullPage ? parallel : 1)) {
            return OptionalLong.empty();
        }
        long offset = nextOffset;
        nextOffset += limit;
        inFlight++;
        return OptionalLong.of(offset);
    }

    /**
     * Records a fetched page of {@code count} items at {@code offset}. A page that reaches past the server's
     * X-Total-Count shows the total is wrong; from then on only a short page ends the list.
     */
    synchronized void pageDone(long offset, int count, OptionalLong totalCount) {
        inFlight--;
        if (trustTotal && totalCount.isPresent()) {
            if (offset + count > totalCount.getAsLong()) {
                trustTotal = false;
                total = -1;
            } else {
                total = totalCount.getAsLong();
            }
        }
        if (!paged() || count < limit) {
            ended = true;
        } else {
            sawFullPage = true;
        }
    }

    /**
     * Records a page that failed after retries. Without a known total there is no telling how far the list
     * goes, so the stream stops; either way the listing is incomplete and the type gets no tombstones.
     */
    synchronized void pageFailed() {
        inFlight--;
        failed = true;
        if (total < 0 || !paged()) {
            ended = true;
        }
    }

    /** Records a page after which the list cannot be trusted to end ({@link PageGuard}): no more pages. */
    synchronized void abandon() {
        inFlight--;
        failed = true;
        ended = true;
    }

    synchronized boolean finished() {
        return inFlight == 0 && (ended || (total >= 0 && nextOffset > total));
    }

    synchronized boolean failed() {
        return failed;
    }

    /** The size of the list when known (X-Total-Count or the end was reached), else -1. */
    synchronized long knownTotal() {
        return total;
    }
}
