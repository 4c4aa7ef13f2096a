package io.lookersim.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection keyed by a string (a connection name, an ssh server id, an OAuth client guid), in creation order, as
 * Looker lists these. Stored nodes keep write-only fields (secrets) so that read-side flags such as has_password can
 * be derived; the Shaper drops them from every answer. Nodes are never changed in place; writes run under the Store
 * lock. Thread-safe.
 */
public final class Keyed {
    public final String type;
    private final Map<String, ObjectNode> items = Collections.synchronizedMap(new LinkedHashMap<>());

    public Keyed(String type) {
        this.type = type;
    }

    public ObjectNode get(String key) { return key == null ? null : items.get(key); }

    public void put(String key, ObjectNode node) { items.put(key, node); }

    public boolean remove(String key) { return items.remove(key) != null; }

    public int size() { return items.size(); }

    /** A snapshot in creation order. */
    public List<ObjectNode> all() {
        synchronized (items) {
            return new ArrayList<>(items.values());
        }
    }
}
