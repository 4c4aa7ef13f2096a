package io.lookervault.snapshot;

import io.lookervault.vault.Hashes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills packs of ~{@code packSize} plaintext bytes with new documents and uploads each, sealed, as
 * {@code packs/<sha256 of the sealed bytes>} on a few threads (a bounded number in flight, so memory stays
 * at a few packs).
 */
final class PackUploader implements AutoCloseable {
    static final int THREADS = 4;

    private final Repo repo;
    private final int packSize;
    private final Progress progress;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "snapshot-upload");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore inFlight = new Semaphore(THREADS);
    private final List<Future<?>> uploads = new ArrayList<>();
    private final Map<String, PackIndex.Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong bytes;
    private final AtomicLong objects;
    private ByteArrayOutputStream current;
    private Map<String, int[]> currentEntries = new HashMap<>();

    PackUploader(Repo repo, int packSize, Progress progress) {
        this(repo, packSize, progress, new AtomicLong(), new AtomicLong());
    }

    /** With totals shared with another uploader of the same push (documents and table chunks pack apart). */
    PackUploader(Repo repo, int packSize, Progress progress, AtomicLong bytes, AtomicLong objects) {
        this.bytes = bytes;
        this.objects = objects;
        this.repo = repo;
        this.packSize = packSize;
        this.progress = progress;
        this.current = buffer();
    }

    /** Sized for a whole pack up front: a growing buffer would double to twice the pack and copy on the way. */
    private ByteArrayOutputStream buffer() {
        return new ByteArrayOutputStream(packSize + (64 << 10));
    }

    void add(String hash, byte[] doc) {
        currentEntries.put(hash, new int[] {current.size(), doc.length});
        current.writeBytes(doc);
        if (current.size() >= packSize) {
            flush();
        }
    }

    /** Waits for every upload; returns the new index entries. */
    Map<String, PackIndex.Entry> finish() throws InterruptedException {
        flush();
        for (Future<?> f : uploads) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new SnapshotException(e.getMessage(), e);
            }
        }
        return entries;
    }

    long bytes() {
        return bytes.get();
    }

    long objects() {
        return objects.get();
    }

    private void flush() {
        if (current.size() == 0) {
            return;
        }
        byte[] plain = current.toByteArray();
        Map<String, int[]> mine = currentEntries;
        current = buffer();
        currentEntries = new HashMap<>();
        inFlight.acquireUninterruptibly();
        uploads.add(pool.submit(() -> {
            try {
                byte[] sealed = repo.codec().seal(plain);
                String pack = Hashes.sha256(sealed);
                repo.store().put("packs/" + pack, sealed);
                // entries become visible only once their pack is stored
                mine.forEach((h, at) -> entries.put(h, new PackIndex.Entry(pack, at[0], at[1])));
                progress.moved(objects.incrementAndGet(), bytes.addAndGet(sealed.length), -1);
            } finally {
                inFlight.release();
            }
            return null;
        }));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
