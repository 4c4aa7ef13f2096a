package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two runs, per type: items added, removed and changed, each named by id and title, changed
 * ones with the top-level fields that differ. Immutable.
 */
public record RunDiff(long fromRun, long toRun, List<TypeDiff> types) {
    public RunDiff {
        types = List.copyOf(types);
    }

    /** One type's changes. */
    public record TypeDiff(String type, List<ItemChange> added, List<ItemChange> removed, List<ItemChange> changed) {
        public TypeDiff {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** One item; {@code fields} is empty for added and removed items. */
    public record ItemChange(String id, String title, List<String> fields) {
        public ItemChange {
            fields = List.copyOf(fields);
        }
    }

    /** Compares {@code from} with {@code to} for every type the vault holds. */
    public static RunDiff between(VaultReader reader, long from, long to) {
        List<TypeDiff> out = new ArrayList<>();
        for (String type : reader.types()) {
            List<ItemChange> added = new ArrayList<>();
            List<ItemChange> removed = new ArrayList<>();
            List<ItemChange> changed = new ArrayList<>();
            for (Map.Entry<String, String[]> e : reader.changes(type, from, to).entrySet()) {
                String[] h = e.getValue();
                if (h[0] == null) {
                    added.add(new ItemChange(e.getKey(), h[2], List.of()));
                } else if (h[1] == null) {
                    removed.add(new ItemChange(e.getKey(), h[2], List.of()));
                } else {
                    changed.add(new ItemChange(e.getKey(), h[2], fields(reader, h[0], h[1])));
                }
            }
            out.add(new TypeDiff(type, added, removed, changed));
        }
        return new RunDiff(from, to, out);
    }

    private static List<String> fields(VaultReader reader, String hashA, String hashB) {
        JsonNode a = reader.document(hashA).map(Documents::parse).orElse(null);
        JsonNode b = reader.document(hashB).map(Documents::parse).orElse(null);
        Set<String> out = new LinkedHashSet<>();
        JsonDiff.diff(a, b).forEach(c -> out.add(c.topField()));
        return new ArrayList<>(out);
    }
}
