package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one queue all workers pull from: item fetches of every type first, then list pages of every type in
 * turn. Memory is bounded by permits: a worker may fetch a page only after reserving room for all the items
 * it can bring, so handing items over never blocks (no deadlock between workers that both list and fetch)
 * and the queue never holds more than {@code capacity} items. Thread-safe.
 */
final class WorkQueue {
    /** A unit of work. */
    sealed interface Task permits ItemTask, PageTask {}

    /**
     * Fetch one item. {@code reserved}: the item holds a permit to give back when taken. {@code row}: the
     * item's whole list row when the list carries the item (only its extras are then fetched), else null.
     */
    record ItemTask(ContentType type, String id, String updatedAt, String listFp, boolean reserved, JsonNode row)
            implements Task {}

    /** Fetch one list page. */
    record PageTask(ListingStream stream, long offset) implements Task {}

    private final LinkedBlockingQueue<ItemTask> items = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final List<ListingStream> streams;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    WorkQueue(List<ListingStream> streams, int capacity) {
        this.streams = List.copyOf(streams);
        this.room = new Semaphore(capacity);
    }

    /** Items handed over from a page whose room was reserved (or retries queued at the start). */
    void addItem(ItemTask task) {
        items.add(task);
    }

    /** Gives back room reserved for a page's items that did not become tasks. */
    void release(int n) {
        if (n > 0) {
            room.release(n);
        }
    }

    /** Stops {@link #next()} from handing out work. */
    void close() {
        closed.set(true);
    }

    /** The next task, or null once the queue is closed. Waits while there is nothing to do yet. */
    Task next() throws InterruptedException {
        while (!closed.get()) {
            ItemTask item = items.poll();
            if (item == null) {
                PageTask page = claimPage();
                if (page != null) {
                    return page;
                }
                item = items.poll(20, TimeUnit.MILLISECONDS);
            }
            if (item != null) {
                if (item.reserved()) {
                    room.release();
                }
                return item;
            }
        }
        return null;
    }

    private PageTask claimPage() {
        int n = streams.size();
        int start = Math.floorMod(turn.getAndIncrement(), Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            ListingStream s = streams.get((start + i) % n);
            int need = s.paged() ? s.limit() : 0;
            if (need > 0 && !room.tryAcquire(need)) {
                continue;
            }
            OptionalLong offset = s.claim();
            if (offset.isPresent()) {
                return new PageTask(s, offset.getAsLong());
            }
            release(need);
        }
        return null;
    }
}
