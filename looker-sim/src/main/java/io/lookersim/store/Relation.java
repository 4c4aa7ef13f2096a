package io.lookersim.store;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.LongFunction;

/**
 * A many-to-many link (group→user, role→group, ...): generated base pairs plus added/removed overlay pairs.
 * Thread-safe (concurrent sets); callers serialise writes.
 */
public final class Relation {
    private final LongFunction<long[]> baseRights;
    private final LongFunction<long[]> baseLefts;
    private final Set<Long> noRights = Set.of();
    private final ConcurrentHashMap<Long, Set<Long>> addedR = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Set<Long>> addedL = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();

    public Relation(LongFunction<long[]> baseRights, LongFunction<long[]> baseLefts) {
        this.baseRights = baseRights;
        this.baseLefts = baseLefts;
    }

    public TreeSet<Long> rights(long left) {
        return collect(left, baseRights.apply(left), addedR.getOrDefault(left, noRights), true);
    }

    public TreeSet<Long> lefts(long right) {
        return collect(right, baseLefts.apply(right), addedL.getOrDefault(right, noRights), false);
    }

    private TreeSet<Long> collect(long key, long[] base, Set<Long> added, boolean keyIsLeft) {
        TreeSet<Long> out = new TreeSet<>();
        for (long v : base) out.add(v);
        out.addAll(added);
        out.removeIf(v -> removed.contains(keyIsLeft ? key + ":" + v : v + ":" + key));
        return out;
    }

    public void add(long left, long right) {
        removed.remove(left + ":" + right);
        addedR.computeIfAbsent(left, k -> new ConcurrentSkipListSet<>()).add(right);
        addedL.computeIfAbsent(right, k -> new ConcurrentSkipListSet<>()).add(left);
    }

    public void remove(long left, long right) {
        removed.add(left + ":" + right);
        Set<Long> r = addedR.get(left);
        if (r != null) r.remove(right);
        Set<Long> l = addedL.get(right);
        if (l != null) l.remove(left);
    }

    public void setRights(long left, Iterable<Long> rights) {
        for (long r : rights(left)) remove(left, r);
        for (long r : rights) add(left, r);
    }

    public void setLefts(long right, Iterable<Long> lefts) {
        for (long l : lefts(right)) remove(l, right);
        for (long l : lefts) add(l, right);
    }
}
