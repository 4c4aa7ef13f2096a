package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The form of a document in an exported file: keys sorted at every depth, and without the fields that change
 * when nobody changed anything, and without anything secret. Stateless and thread-safe.
 */
public final class Canonical {
    /**
     * Fields Looker changes by itself (reads, favourites, logins, schedule runs) or computes for the caller
     * ({@code can}): left out at any depth, so a nightly export only differs where a person changed something.
     * All are read-only in the API, so restore never needed them.
     */
    public static final Set<String> VOLATILE = Set.of("can", "view_count", "favorite_count", "content_favorite_id",
            "last_viewed_at", "last_accessed_at", "logged_in_at", "logged_in_ip", "last_run_at", "next_run_at",
            "run_count", "usage_count");

    /**
     * Fields that can hold a secret or a one-time token: never written to a file, at any depth (Looker does not
     * return most of them, and a file in git must not carry one if it ever does).
     */
    public static final Set<String> SECRET = Set.of("password", "password_reset_url", "secret", "client_secret",
            "secret_parameters", "access_token", "refresh_token", "api_token", "authorization_token",
            "authentication_token", "auth_password", "git_password", "pdt_password", "deploy_secret",
            "custom_s3_secret", "navigation_token", "session_reference_token");

    /**
     * Both sets in one, for the check made on every key of every document: a {@link java.util.HashSet} compares
     * cached hash codes first, where the immutable sets' probing compared strings (a third of the strip's time).
     */
    private static final Set<String> DROPPED = new java.util.HashSet<>();

    static {
        DROPPED.addAll(VOLATILE);
        DROPPED.addAll(SECRET);
    }

    /**
     * Builds every object of a parsed document over a {@link TreeMap}: its keys are sorted as they are read, so
     * the canonical form needs no sorted copy of each document (an export spent a tenth of its CPU copying).
     * For the vault's documents, whose keys come in Looker's order.
     */
    private static final JsonNodeFactory SORTED = new JsonNodeFactory(true) {
        @Override
        public ObjectNode objectNode() {
            return new ObjectNode(this, new TreeMap<>());
        }
    };

    /**
     * Reads the vault's compact JSON, numbers as exact decimals written as they were read ({@code 10.0} stays
     * {@code 10.0}, where Jackson's default strips it to {@code 1E+1}), objects sorted ({@link #SORTED}).
     */
    private static final ObjectMapper COMPACT_SORTED = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).setNodeFactory(SORTED);

    private Canonical() {}

    /** The canonical form of a stored (compact JSON, UTF-8) document, parsed once without copies. */
    static JsonNode ofStored(byte[] utf8) throws IOException {
        return inPlace(COMPACT_SORTED.readTree(utf8));
    }

    /** As {@link #ofStored(byte[])}, for a document the vault handed over as a string. */
    static JsonNode ofStored(String json) throws IOException {
        return inPlace(COMPACT_SORTED.readTree(json));
    }

    /**
     * {@code doc} itself in canonical form: volatile and secret fields removed at every depth, and the keys of
     * an object re-ordered only where they are not sorted already. A file the export wrote is sorted, so its
     * import only checks the order; re-sorting every object as it is parsed cost more than that.
     */
    static JsonNode inPlace(JsonNode doc) {
        if (doc instanceof ObjectNode o) {
            String previous = null;
            boolean sorted = true;
            for (var it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                if (DROPPED.contains(e.getKey())) {
                    it.remove();
                    continue;
                }
                sorted &= previous == null || previous.compareTo(e.getKey()) < 0;
                previous = e.getKey();
                if (e.getValue().isContainerNode()) {
                    inPlace(e.getValue());
                }
            }
            if (!sorted) {
                Map<String, JsonNode> byKey = new TreeMap<>();
                o.fields().forEachRemaining(e -> byKey.put(e.getKey(), e.getValue()));
                o.removeAll();
                o.setAll(byKey);
            }
        } else if (doc.isArray()) {
            for (JsonNode e : doc) {
                if (e.isContainerNode()) {
                    inPlace(e);
                }
            }
        }
        return doc;
    }

    /** A sorted copy of {@code doc} without volatile and secret fields. */
    public static JsonNode of(JsonNode doc) {
        if (doc.isObject()) {
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String k : keys) {
                if (!VOLATILE.contains(k) && !SECRET.contains(k)) {
                    out.set(k, of(doc.get(k)));
                }
            }
            return out;
        }
        if (doc.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(doc.size());
            doc.forEach(e -> out.add(of(e)));
            return out;
        }
        return doc;
    }

    /** The first secret field name found in {@code doc} at any depth, or null. */
    static String secretIn(JsonNode doc) {
        if (doc.isObject()) {
            for (var it = doc.fields(); it.hasNext(); ) {
                var e = it.next();
                if (SECRET.contains(e.getKey()) && !e.getValue().isNull()) {
                    return e.getKey();
                }
                String inner = secretIn(e.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (doc.isArray()) {
            for (JsonNode e : doc) {
                String inner = secretIn(e);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
