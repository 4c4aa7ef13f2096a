package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NotFoundException;
import io.lookervault.looker.Pages;
import io.lookervault.looker.ApiPath;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fetches one complete item: the object exactly as Looker returned it, plus, for types whose memberships or
 * access (or, for dashboards, merge queries) live behind other endpoints, a top-level {@code "_lookervault"}
 * object with those answers. Stripping that one key gives back Looker's own document. Thread-safe (stateless over a thread-safe client).
 */
final class ItemFetcher {
    /** The key under which LookerVault stores what it fetched besides the object itself. */
    static final String EXTRA = "_lookervault";
    private static final int MEMBER_PAGE = 500;

    /** The {@value #EXTRA} object of an item's last stored version, or a missing node. Thread-safe. */
    @FunctionalInterface
    interface PreviousExtras {
        JsonNode of(ContentType type, String id);
    }

    private final LookerApi api;
    private final PreviousExtras previous;

    ItemFetcher(LookerApi api, PreviousExtras previous) {
        this.api = api;
        this.previous = previous;
    }

    /** Whether items of {@code type} may carry an {@value #EXTRA} object, i.e. need requests of their own. */
    static boolean mayHaveExtras(ContentType type) {
        return switch (type) {
            case FOLDERS, USERS, GROUPS, ROLES, USER_ATTRIBUTES, DASHBOARDS -> true;
            default -> false;
        };
    }

    /**
     * The item's document; a failure names the operation that failed in its message.
     *
     * @param row the item's whole list row, used instead of a GET; null to GET it. It becomes the
     *            returned document, so the caller must not share it.
     */
    JsonNode fetch(ContentType type, String id, JsonNode row) throws LookerException, InterruptedException {
        JsonNode doc = row != null ? row : api.get(type.getPath(id), Map.of());
        ObjectNode extra = mayHaveExtras(type) ? extras(type, id, doc) : null;
        if (extra != null && doc instanceof ObjectNode obj) {
            obj.set(EXTRA, extra);
        }
        return doc;
    }

    private ObjectNode extras(ContentType type, String id, JsonNode doc) throws LookerException, InterruptedException {
        ObjectNode x = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case FOLDERS -> {
                JsonNode cm = doc.path("content_metadata_id");
                if (cm.isNull() || cm.isMissingNode()) {
                    return null;
                }
                x.set("content_metadata", api.get(ApiPath.of("content_metadata", cm.asText()), Map.of()));
                x.set("content_metadata_accesses", api.get("/content_metadata_access",
                        Map.of("content_metadata_id", cm.asText())));
            }
            case USERS -> x.set("attribute_values", api.get(type.subPath(id, "attribute_values"), Map.of()));
            case GROUPS -> {
                x.set("user_ids", memberIds(type.subPath(id, "users")));
                x.set("group_ids", ids(api.get(type.subPath(id, "groups"), Map.of())));
            }
            case ROLES -> {
                x.set("group_ids", ids(api.get(type.subPath(id, "groups"), Map.of())));
                x.set("user_ids", ids(api.get(type.subPath(id, "users"), Map.of())));
            }
            case USER_ATTRIBUTES -> x.set("group_values", api.get(type.subPath(id, "group_values"),
                    Map.of()));
            case DASHBOARDS -> {
                if (!mergeQueries(doc.path("dashboard_elements"), x, () -> previous.of(type, id))) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        return x;
    }

    /**
     * Merged-result tiles name their merge query by id only, and a merge query names its source queries by id
     * only: neither id means anything on another instance, so both documents go into the vault. Source
     * queries already embedded in an element are not fetched again. Looker has no operation that changes
     * or deletes a query or a merge query (an edit creates a new one), so those the dashboard's last stored
     * version holds under the same id are reused rather than fetched: a nightly full run does not ask for
     * them again. A merge query or query that is gone (404) is left out: the tile cannot be rebuilt, but the
     * dashboard still is. Returns whether any was found.
     */
    private boolean mergeQueries(JsonNode elements, ObjectNode x, java.util.function.Supplier<JsonNode> before)
            throws LookerException, InterruptedException {
        Set<String> embedded = new HashSet<>();
        Set<String> mergeIds = new TreeSet<>();
        for (JsonNode e : elements) {
            if (e.path("query").hasNonNull("id")) {
                embedded.add(e.path("query").path("id").asText());
            }
            if (e.hasNonNull("merge_result_id")) {
                mergeIds.add(e.path("merge_result_id").asText());
            }
        }
        if (mergeIds.isEmpty()) {
            return false;
        }
        ObjectNode merges = x.putObject("merge_queries");
        ObjectNode queries = x.putObject("queries");
        JsonNode old = before.get();
        for (String id : mergeIds) {
            JsonNode mq = old.path("merge_queries").has(id) ? old.path("merge_queries").get(id)
                    : getOrNull(ApiPath.of("merge_queries", id));
            if (mq == null) {
                continue;
            }
            merges.set(id, mq);
            for (JsonNode sq : mq.path("source_queries")) {
                String qid = sq.path("query_id").asText(null);
                if (qid != null && !embedded.contains(qid) && !queries.has(qid)) {
                    JsonNode q = old.path("queries").has(qid) ? old.path("queries").get(qid)
                            : getOrNull(ApiPath.of("queries", qid));
                    if (q != null) {
                        queries.set(qid, q);
                    }
                }
            }
        }
        return true;
    }

    private JsonNode getOrNull(String path) throws LookerException, InterruptedException {
        try {
            return api.get(path, Map.of());
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** all_group_users pages; members are many on big instances. */
    private ArrayNode memberIds(String path) throws LookerException, InterruptedException {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Pages.all(api, path, Map.of("fields", "id", "sorts", "id"), MEMBER_PAGE, "id")
                .forEach(u -> out.add(u.path("id").asText()));
        return out;
    }

    private static ArrayNode ids(JsonNode list) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
