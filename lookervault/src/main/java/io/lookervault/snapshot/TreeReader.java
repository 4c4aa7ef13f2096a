package io.lookervault.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the chunk trees of format-2 snapshots back out of the packs, checking every chunk's SHA-256. Packs
 * opened are kept in a small LRU cache: a stream's chunks mostly sit in the pack order of the push that made
 * them, and table chunks are packed apart from documents, so reading a tree downloads few packs.
 */
final class TreeReader {
    private static final int CACHED_PACKS = 4;

    private final Repo repo;
    private final PackIndex index;
    private final Map<String, byte[]> packs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_PACKS;
        }
    };

    TreeReader(Repo repo, PackIndex index) {
        this.repo = repo;
        this.index = index;
    }

    /** The documents a snapshot needs (format 1: listed in its manifest; format 2: its document stream). */
    java.util.List<String> documents(Manifest m) {
        if (!m.chunked()) {
            return m.documents();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        forEachLine(m.docs(), line -> out.add(new String(line, StandardCharsets.US_ASCII)));
        if (out.size() != m.documentCount()) {
            throw new SnapshotException("the document list of snapshot " + m.id() + " has " + out.size()
                    + " entries, its manifest says " + m.documentCount() + ": the store is damaged");
        }
        return out;
    }

    /** Every table and document-list chunk a snapshot needs (none in format 1, whose tables are one object). */
    java.util.Set<String> chunks(Manifest m) {
        java.util.Set<String> out = new java.util.HashSet<>();
        m.tables().forEach(t -> chunks(t.rows(), out));
        chunks(m.docs(), out);
        return out;
    }

    /** Every line of the stream, in order. */
    void forEachLine(Manifest.Stream s, Consumer<byte[]> each) {
        if (s != null && s.root() != null) {
            walk(s.root(), s.depth(), each);
        }
    }

    /** The hashes of every chunk of the stream (all levels), read without the leaves. */
    void chunks(Manifest.Stream s, Collection<String> out) {
        if (s != null && s.root() != null) {
            out.add(s.root());
            if (s.depth() > 0) {
                refs(s.root(), s.depth(), out);
            }
        }
    }

    private void refs(String ref, int depth, Collection<String> out) {
        lines(chunk(ref), line -> {
            String child = new String(line, StandardCharsets.US_ASCII);
            out.add(child);
            if (depth > 1) {
                refs(child, depth - 1, out);
            }
        });
    }

    private void walk(String ref, int depth, Consumer<byte[]> each) {
        byte[] c = chunk(ref);
        if (depth == 0) {
            lines(c, each);
        } else {
            lines(c, line -> walk(new String(line, StandardCharsets.US_ASCII), depth - 1, each));
        }
    }

    private static void lines(byte[] chunk, Consumer<byte[]> each) {
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                each.accept(java.util.Arrays.copyOfRange(chunk, start, i));
                start = i + 1;
            }
        }
    }

    /** Drops the cached packs (before a pull fills documents, so the heap holds only the packs in flight). */
    void forget() {
        packs.clear();
    }

    /** One chunk, hash checked. */
    byte[] chunk(String hash) {
        PackIndex.Entry e = index.get(hash);
        if (e == null) {
            throw new SnapshotException("chunk " + hash + " of the snapshot's tables is in no index of the store: the"
                    + " store is damaged (run `lookervault snapshot verify`)");
        }
        byte[] plain = packs.get(e.pack());
        if (plain == null) {
            plain = repo.openPack(e.pack());
            packs.put(e.pack(), plain);
        }
        return Puller.slice(e.pack(), plain, Map.entry(hash, e));
    }
}
