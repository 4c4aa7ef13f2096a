package io.lookervault.extract;

import io.lookervault.looker.ContentType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress and completion of one type within a run: its list streams, the items listed, the items still in
 * work. The type is done exactly once, when every stream is finished and no item is pending; whoever
 * observes that first (a list worker or an item worker) gets {@code true} from {@link #tryFinish()}.
 * Thread-safe.
 */
final class TypeTracker {
    private final ContentType type;
    private final List<ListingStream> streams;
    private final AtomicLong listed = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long pending;
    private boolean done;

    TypeTracker(ContentType type, List<ListingStream> streams) {
        this.type = type;
        this.streams = List.copyOf(streams);
    }

    ContentType type() {
        return type;
    }

    List<ListingStream> streams() {
        return streams;
    }

    /** Items of this type found at the source so far (after scope filtering). */
    void listed(long n) {
        listed.addAndGet(n);
    }

    synchronized void enqueued(int n) {
        pending += n;
    }

    /** One item handed to the writer (stored, seen unchanged, or failed). */
    synchronized void itemHandled(boolean failure) {
        pending--;
        handled.incrementAndGet();
        if (failure) {
            failed.incrementAndGet();
        }
    }

    /**
     * Items handled without an item task: already committed by an earlier segment of this run, seen
     * unchanged, or stored straight from their list row.
     */
    void skipped(long n) {
        handled.addAndGet(n);
    }

    synchronized boolean tryFinish() {
        if (done || pending > 0 || !streams.stream().allMatch(ListingStream::finished)) {
            return false;
        }
        done = true;
        return true;
    }

    synchronized boolean done() {
        return done;
    }

    /** No list page failed: the run saw every item of the type. */
    boolean listingComplete() {
        return streams.stream().noneMatch(ListingStream::failed);
    }

    boolean listingFinished() {
        return streams.stream().allMatch(ListingStream::finished);
    }

    /** The total when known: the count listed once listing finished, else the servers' totals. */
    long total() {
        if (listingFinished()) {
            return listed.get();
        }
        long t = 0;
        for (ListingStream s : streams) {
            if (s.knownTotal() < 0) {
                return -1;
            }
            t += s.knownTotal();
        }
        return t;
    }

    long handled() {
        return handled.get();
    }

    long failed() {
        return failed.get();
    }
}
