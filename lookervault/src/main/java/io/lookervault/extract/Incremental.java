package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.Hashes;
import io.lookervault.vault.KnownItem;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a run lists each type and how an incremental run tells that an item has not changed: by
 * {@code updated_at} where Looker keeps one; by a fingerprint of the full list entry for large types
 * without it (users, folders, alerts). Other types are stored from their list rows anyway, and groups,
 * roles and user attributes always fetch their members or values, which no list row shows.
 */
final class Incremental {
    /** Types without updated_at whose list entry carries the whole object, so its hash tracks changes. */
    static final Set<ContentType> FINGERPRINTED = EnumSet.of(ContentType.USERS, ContentType.FOLDERS,
            ContentType.ALERTS);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Incremental() {}

    /**
     * The list query for a type: whole rows where a row is the item (see {@link ContentType#listCarriesItem()}),
     * else only id, change marker and folder; a stable sort.
     */
    static Map<String, String> listQuery(ContentType type, boolean deleted) {
        Map<String, String> q = new HashMap<>(type.listQuery());
        if (type.paging() == ContentType.Paging.OFFSET_LIMIT) {
            // an empty sorts tells the client to send none (the operation takes no sorts parameter)
            q.put("sorts", type.listSort().orElse(""));
        }
        if (!type.listCarriesItem()) {
            // only what change detection and the folder scope need; the item itself comes from its GET
            q.put("fields", "id,updated_at,folder_id");
        }
        if (deleted) {
            q.put("deleted", "true");
        }
        return q;
    }

    static String fingerprint(ContentType type, JsonNode row) {
        return FINGERPRINTED.contains(type) ? Hashes.sha256(bytes(row)) : null;
    }

    /** The compact UTF-8 JSON of a document: what the vault stores and hashes. */
    static byte[] bytes(JsonNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed document always serialises", e);
        }
    }

    static boolean unchanged(ContentType type, KnownItem known, String updatedAt, String fingerprint) {
        if (known == null || known.deleted()) {
            return false;
        }
        if (type.hasUpdatedAt()) {
            return updatedAt != null && updatedAt.equals(known.updatedAt());
        }
        return fingerprint != null && fingerprint.equals(known.listFp());
    }
}
