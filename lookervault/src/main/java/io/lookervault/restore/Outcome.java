package io.lookervault.restore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What restoring one item did (or, in a dry run, would do).
 *
 * @param fields the top-level fields (or parts, such as {@code elements}) that differ from the destination
 * @param notes  things a person should know: an owner missing at the destination, a slug that was taken
 * @param secretsSent the write-only secrets (field names, never values) the item's writes carried to the
 *                    destination object {@code destId}; recorded with its checkpoint
 */
public record Outcome(String type, String sourceId, String destId, Action action, List<String> fields,
                      List<String> notes, @JsonIgnore List<String> secretsSent) {
    public Outcome {
        fields = List.copyOf(fields);
        notes = List.copyOf(notes);
        secretsSent = List.copyOf(secretsSent);
    }

    public Outcome(String type, String sourceId, String destId, Action action, List<String> fields, List<String> notes) {
        this(type, sourceId, destId, action, fields, notes, List.of());
    }

    /** The kinds of outcome, in plan output order. */
    public enum Action {
        CREATE, UPDATE, UNCHANGED, CONFLICT, SKIPPED, FAILED;

        /** The lower-case name used in tables, the JSON counts and the restore tables. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Action fromKey(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
