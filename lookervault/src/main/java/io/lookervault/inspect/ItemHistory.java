package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.vault.StoredItem;
import io.lookervault.vault.StoredVersion;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versions of one item across runs, each with the fields that changed from the version before. Immutable.
 *
 * @param item     the item's current state (its last version if it is gone from Looker)
 * @param versions oldest first
 */
public record ItemHistory(String type, String id, StoredItem item, List<Entry> versions) {
    public ItemHistory {
        versions = List.copyOf(versions);
    }

    /**
     * One version.
     *
     * @param untilRun     the run that replaced or deleted it, 0 while current
     * @param changedFields top-level fields that differ from the previous version (empty for the first)
     * @param changes      the field-level changes from the previous version
     */
    public record Entry(int number, String hash, long fromRun, String fromStartedAt, long untilRun, long sizeBytes,
                        List<String> changedFields, List<FieldChange> changes) {
        public Entry {
            changedFields = List.copyOf(changedFields);
            changes = List.copyOf(changes);
        }
    }

    /** The history of one item, or empty when the vault never stored it. */
    public static Optional<ItemHistory> of(VaultReader reader, String type, String id) {
        Optional<StoredItem> item = reader.item(type, id);
        List<StoredVersion> stored = reader.versions(type, id);
        if (item.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> out = new ArrayList<>();
        JsonNode previous = null;
        for (StoredVersion v : stored) {
            JsonNode doc = v.json() == null ? null : Documents.parse(v.json());
            List<FieldChange> changes = previous == null ? List.of() : JsonDiff.diff(previous, doc);
            Set<String> fields = new LinkedHashSet<>();
            changes.forEach(c -> fields.add(c.topField()));
            out.add(new Entry(out.size() + 1, v.hash(), v.fromRun(), v.fromStartedAt(), v.toRun(),
                    v.json() == null ? 0 : v.json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    new ArrayList<>(fields), changes));
            previous = doc;
        }
        return Optional.of(new ItemHistory(type, id, item.get(), out));
    }

    public long firstSeenRun() {
        return versions.get(0).fromRun();
    }

    /** The last run that saw the item at the source. */
    public long lastSeenRun() {
        return item.lastSeenRun();
    }
}
