package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code verify --against-source}: per type, the ids Looker lists now against the ids the vault holds as present.
 * Only the types the last run backed up are compared, and folder-scoped types of a folder-scoped run are
 * skipped (the vault holds only part of them by design). Not thread-safe.
 */
final class SourceCheck {
    private static final int MAX_IDS = 100;
    private final VaultReader reader;
    private final SourceIds source;

    SourceCheck(VaultReader reader, SourceIds source) {
        this.reader = reader;
        this.source = source;
    }

    List<VerifyReport.SourceDiff> compare(RunRecord last) throws LookerException, InterruptedException {
        JsonNode options = RunOptions.parse(last.options());
        boolean scoped = options.path("folder_ids").size() > 0;
        boolean withTrash = options.path("include_deleted").asBoolean();
        List<VerifyReport.SourceDiff> out = new ArrayList<>();
        for (String key : Verifier.plannedTypes(last)) {
            Optional<ContentType> type = ContentType.fromKey(key);
            if (type.isEmpty()) {
                continue;
            }
            Set<String> vault = new HashSet<>(reader.presentIds(key));
            if (scoped && type.get().folderScoped()) {
                out.add(new VerifyReport.SourceDiff(key, vault.size(), -1, List.of(), List.of(),
                        "not compared: the last run backed up only some folders"));
                continue;
            }
            Set<String> looker = new HashSet<>(source.ids(type.get(), false));
            if (withTrash && type.get().supportsDeleted()) {
                looker.addAll(source.ids(type.get(), true));
            }
            out.add(new VerifyReport.SourceDiff(key, vault.size(), looker.size(), minus(looker, vault),
                    minus(vault, looker), ""));
        }
        return out;
    }

    /** Up to {@link #MAX_IDS} of a − b, numerically sorted; a longer difference ends with a count. */
    private static List<String> minus(Set<String> a, Set<String> b) {
        List<String> d = new ArrayList<>(a);
        d.removeAll(b);
        d.sort(IdOrder.INSTANCE);
        if (d.size() <= MAX_IDS) {
            return d;
        }
        List<String> head = new ArrayList<>(d.subList(0, MAX_IDS));
        head.add("... and " + (d.size() - MAX_IDS) + " more");
        return head;
    }
}
