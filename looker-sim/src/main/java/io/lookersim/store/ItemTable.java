package io.lookersim.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * One collection of items with numeric ids: generated base items (made on demand from the seed, never stored) plus an
 * overlay of created/changed items and removed ids. Stored nodes are never mutated in place (copy on write), so
 * readers need no lock; writers are serialised by the caller (Store lock). Thread-safe under that rule.
 * baseChildren must list only base ids that exist and whose generated parent is the given one.
 */
public final class ItemTable {
    public final String type;
    private final long baseMax;
    private final LongFunction<ObjectNode> gen;
    private final String parentField;
    private final LongFunction<long[]> baseChildren;
    private final NavigableMap<Long, ObjectNode> over = new ConcurrentSkipListMap<>();
    private final NavigableSet<Long> removed = new ConcurrentSkipListSet<>();
    private final Map<String, Set<Long>> overByParent = new ConcurrentHashMap<>();
    private final AtomicLong nextId;

    /**
     * @param baseMax  largest base id (items 1..baseMax may exist; gen returns null for holes)
     * @param firstNew first id given to created items
     */
    public ItemTable(String type, long baseMax, long firstNew, LongFunction<ObjectNode> gen, String parentField,
                 LongFunction<long[]> baseChildren) {
        this.type = type;
        this.baseMax = baseMax;
        this.gen = gen;
        this.parentField = parentField;
        this.baseChildren = baseChildren;
        this.nextId = new AtomicLong(Math.max(firstNew, baseMax + 1));
    }

    public long baseMax() { return baseMax; }

    public long maxId() {
        Long last = over.isEmpty() ? null : over.lastKey();
        return last == null ? baseMax : Math.max(baseMax, last);
    }

    public ObjectNode get(long id) {
        if (id <= 0 || removed.contains(id)) return null;
        ObjectNode o = over.get(id);
        if (o != null) return o;
        return id <= baseMax ? gen.apply(id) : null;
    }

    public ObjectNode get(String id) {
        long n = parseId(id);
        return n < 0 ? null : get(n);
    }

    public static long parseId(String id) {
        if (id == null) return -1;
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean isOverridden(long id) { return over.containsKey(id); }

    public boolean isRemoved(long id) { return removed.contains(id); }

    public NavigableMap<Long, ObjectNode> overlay() { return over; }

    public NavigableSet<Long> removedIds() { return removed; }

    public long newId() { return nextId.getAndIncrement(); }

    /** Stores a new version of an item (the node must not be changed afterwards). */
    public void put(long id, ObjectNode node) {
        removed.remove(id);
        over.put(id, node);
        if (parentField != null) {
            String p = text(node, parentField);
            if (p != null) overByParent.computeIfAbsent(p, k -> new ConcurrentSkipListSet<>()).add(id);
        }
    }

    public void remove(long id) {
        over.remove(id);
        if (id <= baseMax) removed.add(id);
    }

    /** Ids of the items whose parent field currently equals parentId, ascending. */
    public NavigableSet<Long> children(String parentId) {
        TreeSet<Long> out = new TreeSet<>();
        long p = parseId(parentId);
        if (baseChildren != null && p > 0) {
            for (long id : baseChildren.apply(p)) {
                // An unchanged base item has its generated parent by construction: no need to generate it to check.
                boolean untouched = !over.containsKey(id) && !removed.contains(id) && id <= baseMax;
                if (untouched || hasParent(id, parentId)) out.add(id);
            }
        }
        Set<Long> extra = overByParent.get(parentId);
        if (extra != null) for (long id : extra) if (hasParent(id, parentId)) out.add(id);
        return out;
    }

    private boolean hasParent(long id, String parentId) {
        ObjectNode n = get(id);
        return n != null && parentId.equals(text(n, parentField));
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
