package io.lookervault.inspect;

import io.lookervault.vault.StoredVersion;
import io.lookervault.vault.VaultReader;
import java.util.List;
import java.util.Optional;

/**
 * The field-level change of one item between two runs. Immutable.
 *
 * @param changes JSON path, old and new value of every field that differs; an item absent in one run shows as
 *                one change of the whole document ({@code $})
 */
public record ItemDiff(String type, String id, String title, long fromRun, long toRun, List<FieldChange> changes) {
    public ItemDiff {
        changes = List.copyOf(changes);
    }

    /**
     * Diffs one item between run {@code from} and run {@code to}. When both are null: its latest change (the
     * run that stored its newest version, or found it gone,
     * against the run before). A missing {@code to} is the last run; a missing
     * {@code from} is the run before {@code to}. Empty when the vault never stored the item.
     */
    public static Optional<ItemDiff> of(VaultReader reader, String type, String id, Long from, Long to) {
        List<StoredVersion> versions = reader.versions(type, id);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        long a;
        long b;
        if (from == null && to == null) {
            StoredVersion last = versions.get(versions.size() - 1);
            // the run that made the newest version (or deleted the last one) against the run before it
            b = last.current() ? last.fromRun() : last.toRun();
            a = b - 1;
        } else {
            b = to != null ? to : reader.lastRun().map(r -> r.runId()).orElse(0L);
            a = from != null ? from : Math.max(1, b - 1);
        }
        StoredVersion va = at(versions, a);
        StoredVersion vb = at(versions, b);
        var da = va == null ? null : Documents.parse(va.json());
        var db = vb == null ? null : Documents.parse(vb.json());
        String title = reader.item(type, id).map(i -> i.title()).orElse(null);
        return Optional.of(new ItemDiff(type, id, title, a, b, JsonDiff.diff(da, db)));
    }

    private static StoredVersion at(List<StoredVersion> versions, long run) {
        return versions.stream().filter(v -> v.fromRun() <= run && (v.toRun() == 0 || v.toRun() > run))
                .findFirst().orElse(null);
    }
}
