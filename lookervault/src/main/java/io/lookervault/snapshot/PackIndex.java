package io.lookervault.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each document lives: hash → pack, offset and length in the pack's plaintext (restic's index). The
 * store holds it as several {@code index/} files (one per push, merged by prune); a hash in more than one
 * is fine, any copy will do.
 */
public final class PackIndex {
    /** One document's place in a pack. */
    public record Entry(String pack, int offset, int length) {}

    private final Map<String, Entry> byHash = new HashMap<>();
    private final Set<String> indexFiles = new HashSet<>();

    void add(String hash, Entry e) {
        byHash.putIfAbsent(hash, e);
    }

    void addIndexFile(String key) {
        indexFiles.add(key);
    }

    Set<String> indexFiles() {
        return Set.copyOf(indexFiles);
    }

    public boolean contains(String hash) {
        return byHash.containsKey(hash);
    }

    public Entry get(String hash) {
        return byHash.get(hash);
    }

    Map<String, Entry> all() {
        return byHash;
    }

    /** The entries of each pack, for a set of hashes (in pack order, then offset). */
    Map<String, List<Map.Entry<String, Entry>>> byPack(Iterable<String> hashes) {
        Map<String, List<Map.Entry<String, Entry>>> out = new java.util.TreeMap<>();
        for (String h : hashes) {
            Entry e = byHash.get(h);
            if (e != null) {
                out.computeIfAbsent(e.pack(), k -> new ArrayList<>()).add(Map.entry(h, e));
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(x -> x.getValue().offset())));
        return out;
    }
}
