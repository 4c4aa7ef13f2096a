package io.lookervault.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerApi;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.Pages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves {@code --folder-ids} (and {@code --recursive}) to the set of folder ids in scope. */
final class FolderScope {
    private FolderScope() {}

    static Set<String> resolve(LookerApi api, List<String> roots, boolean recursive, int limit)
            throws LookerException, InterruptedException {
        if (!recursive) {
            return Set.copyOf(roots);
        }
        Map<String, List<String>> children = new HashMap<>();
        for (JsonNode f : Pages.all(api, "/folders/search", Map.of("fields", "id,parent_id", "sorts", "id"), limit,
                "id")) {
            JsonNode parent = f.path("parent_id");
            if (!parent.isNull() && !parent.isMissingNode()) {
                children.computeIfAbsent(parent.asText(), k -> new java.util.ArrayList<>()).add(f.path("id").asText());
            }
        }
        Set<String> scope = new HashSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), List.of())) {
                if (scope.add(child)) {
                    todo.push(child);
                }
            }
        }
        return scope;
    }

    /** Whether a list row of a folder-scoped type lies in {@code scope}. */
    static boolean contains(Set<String> scope, io.lookervault.looker.ContentType type, JsonNode row) {
        String folder = type == io.lookervault.looker.ContentType.FOLDERS ? row.path("id").asText()
                : row.path("folder_id").asText(null);
        return folder != null && scope.contains(folder);
    }
}
