package io.lookervault.snapshot;

import io.lookervault.vault.Hashes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a sequence of lines (table rows, document hashes) into chunks at content-defined boundaries: after a
 * line whose own hash has its low bits zero. A boundary depends only on that line, so an edited, inserted or
 * removed row changes the chunk around it and no other, and an unchanged chunk has the same SHA-256 as in the
 * last push (stored once, referenced again). Chunk hashes are cut the same way, level by level, until one root
 * is left (restic's trees, by rows instead of bytes).
 */
final class Chunker {
    /** Where a chunk goes (keyed by the SHA-256 of its bytes); it may already be stored. */
    @FunctionalInterface
    interface Sink {
        void put(String hash, byte[] chunk);
    }

    /** About 8 rows a chunk: an edit resends ~8 rows, and a table of n rows costs n/8 hashes a level up. */
    static final int ROW_MASK = 7;
    /** About 64 hashes a chunk a level up. */
    static final int REF_MASK = 63;
    static final int MAX_LINES = 1024;

    private final Sink sink;
    private final int mask;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<String> refs = new ArrayList<>();
    private int currentLines;
    private long lines;

    Chunker(Sink sink, int mask) {
        this.sink = sink;
        this.mask = mask;
    }

    Chunker(Sink sink) {
        this(sink, ROW_MASK);
    }

    /** Adds one line (without its newline). */
    void add(byte[] line) {
        current.writeBytes(line);
        current.write('\n');
        currentLines++;
        lines++;
        if ((mix(Arrays.hashCode(line)) & mask) == 0 || currentLines >= MAX_LINES) {
            cut();
        }
    }

    private void cut() {
        if (currentLines == 0) {
            return;
        }
        byte[] chunk = current.toByteArray();
        current.reset();
        currentLines = 0;
        String hash = Hashes.sha256(chunk);
        sink.put(hash, chunk);
        refs.add(hash);
    }

    /** Stores what is left and the levels above; returns the stream's root. */
    Manifest.Stream finish() {
        cut();
        if (refs.isEmpty()) {
            return new Manifest.Stream(null, 0, 0);
        }
        List<String> level = refs;
        int depth = 0;
        while (level.size() > 1) {
            Chunker up = new Chunker(sink, REF_MASK);
            for (String r : level) {
                up.add(r.getBytes(StandardCharsets.US_ASCII));
            }
            up.cut();
            if (up.refs.size() >= level.size()) {
                // every hash happened to be a boundary: one chunk for the whole level ends the climb
                Chunker all = new Chunker(sink, -1);
                level.forEach(r -> all.current.writeBytes((r + "\n").getBytes(StandardCharsets.US_ASCII)));
                all.currentLines = level.size();
                all.cut();
                up = all;
            }
            level = up.refs;
            depth++;
        }
        return new Manifest.Stream(level.get(0), depth, lines);
    }

    /** MurmurHash3's finalizer: spreads the bits of {@code Arrays.hashCode}, whose low bits alone are poor. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
