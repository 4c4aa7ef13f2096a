package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.vault.VaultException;
import java.io.IOException;
import java.util.List;

/**
 * Turns a stored document back into what Looker returned. The vault stores Looker's object plus, for types whose
 * memberships live behind other endpoints, one top-level {@code _lookervault} key; everything else is Looker's.
 * Stateless and thread-safe.
 */
public final class Documents {
    /** The one key LookerVault adds to a stored document (see the extraction's ItemFetcher). */
    public static final String EXTRA = "_lookervault";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {}

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new VaultException("a stored document is not valid JSON (run 'lookervault verify'): "
                    + e.getMessage(), e);
        }
    }

    /** Looker's own document: the stored one without LookerVault's key. */
    public static JsonNode lookerPart(JsonNode stored) {
        if (stored instanceof ObjectNode o && o.has(EXTRA)) {
            ObjectNode copy = o.deepCopy();
            copy.remove(EXTRA);
            return copy;
        }
        return stored;
    }

    /** Only the named top-level fields, in the document's order (an empty list keeps everything). */
    public static JsonNode select(JsonNode doc, List<String> fields) {
        if (fields.isEmpty() || !(doc instanceof ObjectNode o)) {
            return doc;
        }
        ObjectNode out = JSON.createObjectNode();
        o.fields().forEachRemaining(e -> {
            if (fields.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
