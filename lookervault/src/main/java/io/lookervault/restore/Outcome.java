package io.lookervault.restore;

import java.util.List;

/**
 * What restoring one item did (or, in a dry run, would do).
 *
 * @param fields the top-level fields (or parts, such as {@code elements}) that differ from the destination
 * @param notes  things a person should know: an owner missing at the destination, a slug that was taken
 */
public record Outcome(String type, String sourceId, String destId, Action action, List<String> fields,
                      List<String> notes) {
    public Outcome {
        fields = List.copyOf(fields);
        notes = List.copyOf(notes);
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
