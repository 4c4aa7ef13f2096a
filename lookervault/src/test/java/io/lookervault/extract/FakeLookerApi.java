package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ApiStats;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory Looker for unit tests of scheduling, resume and incremental logic (the real client and the
 * simulator are exercised by the *IT tests). Thread-safe.
 */
final class FakeLookerApi implements LookerApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    final Map<ContentType, TreeMap<String, ObjectNode>> content = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final Set<String> notFound = ConcurrentHashMap.newKeySet();
    final Set<String> failingListOffsets = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    FakeLookerApi add(ContentType type, int n) {
        for (int i = 1; i <= n; i++) {
            put(type, Integer.toString(i), "v1");
        }
        return this;
    }

    synchronized void put(ContentType type, String id, String marker) {
        ObjectNode o = F.objectNode();
        o.put(type.idField(), id);
        o.put("title", type.key() + " " + id + " " + marker);
        o.put("updated_at", marker);
        o.put("folder_id", "1");
        content.computeIfAbsent(type, k -> new TreeMap<>()).put(id, o);
    }

    synchronized void remove(ContentType type, String id) {
        content.get(type).remove(id);
    }

    long fetches(String path) {
        return log.stream().filter(path::equals).count();
    }

    @Override
    public synchronized JsonNode get(String path, Map<String, String> query) throws LookerException {
        requests.incrementAndGet();
        log.add(path);
        if (notFound.contains(path)) {
            throw new LookerException("GET", path, 404, "Not found", null);
        }
        for (ContentType t : ContentType.values()) {
            if (path.equals(t.listPath())) {
                ArrayNode a = F.arrayNode();
                rows(t, query).forEach(a::add);
                return a;
            }
            for (ObjectNode o : content.getOrDefault(t, new TreeMap<>()).values()) {
                if (path.equals(t.getPath(o.path(t.idField()).asText()))) {
                    return o.deepCopy();
                }
            }
        }
        return F.arrayNode();
    }

    private List<JsonNode> rows(ContentType t, Map<String, String> query) {
        List<JsonNode> out = new ArrayList<>();
        String fields = query.get("fields");
        for (ObjectNode o : content.getOrDefault(t, new TreeMap<>()).values()) {
            if (fields == null) {
                out.add(o.deepCopy());
            } else {
                out.add(o.deepCopy().retain(List.of(fields.split(","))));
            }
        }
        return out;
    }

    @Override
    public synchronized Page page(String path, Map<String, String> query, long offset, int limit)
            throws LookerException {
        requests.incrementAndGet();
        log.add(path + "@" + offset);
        if (failingListOffsets.contains(path + "@" + offset)) {
            throw new LookerException("GET", path, 503, "Service unavailable", null);
        }
        for (ContentType t : ContentType.values()) {
            if (path.equals(t.listPath())) {
                List<JsonNode> all = rows(t, query);
                int from = (int) Math.min(offset, all.size());
                int to = (int) Math.min(offset + limit, all.size());
                return new Page(all.subList(from, to), OptionalLong.of(all.size()), Optional.empty());
            }
        }
        return new Page(List.of(), OptionalLong.of(0), Optional.empty());
    }

    @Override
    public JsonNode post(String path, Map<String, String> query, JsonNode body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode create(String path, JsonNode body, Existing existing) {
        throw new UnsupportedOperationException("extraction never writes");
    }

    @Override
    public JsonNode patch(String path, Map<String, String> query, JsonNode body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode put(String path, Map<String, String> query, JsonNode body) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String path, Map<String, String> query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiStats stats() {
        return new ApiStats(requests.get(), 0, 0);
    }

    @Override
    public void close() {}
}
