package io.lookervault.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan a run stored, for display. Immutable.
 *
 * @param types empty when the run backed up every type
 */
public record RunOptionsView(List<String> types, List<String> folderIds, boolean recursive, boolean includeDeleted,
                             int workers, int batchSize) {
    public RunOptionsView {
        types = List.copyOf(types);
        folderIds = List.copyOf(folderIds);
    }

    public static RunOptionsView of(String json) {
        JsonNode n = RunOptions.parse(json);
        return new RunOptionsView(strings(n.path("types")), strings(n.path("folder_ids")),
                n.path("recursive").asBoolean(), n.path("include_deleted").asBoolean(), n.path("workers").asInt(),
                n.path("batch_size").asInt());
    }

    /** The stored options as they are (snake_case JSON), for JSON output. */
    public static JsonNode raw(String json) {
        return RunOptions.parse(json);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** One line: "types: all; folders: 12,40 (recursive); include deleted; 8 workers, pages of 100". */
    public String describe() {
        boolean all = types.isEmpty() || types.size() == io.lookervault.looker.ContentType.values().length;
        StringBuilder b = new StringBuilder("types: ").append(all ? "all" : String.join(",", types));
        if (!folderIds.isEmpty()) {
            b.append("; folders: ").append(String.join(",", folderIds)).append(recursive ? " (recursive)" : "");
        }
        if (includeDeleted) {
            b.append("; include deleted");
        }
        return b.append("; ").append(workers).append(" workers, pages of ").append(batchSize).toString();
    }
}
