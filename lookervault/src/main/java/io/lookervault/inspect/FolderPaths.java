package io.lookervault.inspect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder tree as the vault holds it: a folder's path ({@code /Shared/Sales}) and a folder's subtree. Built
 * once per command from id → {name, parent_id}. Immutable after construction, so thread-safe.
 */
public final class FolderPaths {
    private final Map<String, String[]> folders;
    private final Map<String, List<String>> children = new HashMap<>();

    public FolderPaths(Map<String, String[]> folders) {
        this.folders = Map.copyOf(folders);
        folders.forEach((id, f) -> {
            if (f[1] != null) {
                children.computeIfAbsent(f[1], k -> new ArrayList<>()).add(id);
            }
        });
    }

    /** "/Shared/Sales/EMEA" for a folder id; the id itself in brackets where a folder is not in the vault. */
    public String path(String folderId) {
        if (folderId == null) {
            return "";
        }
        Deque<String> names = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        String id = folderId;
        while (id != null && seen.add(id)) {
            String[] f = folders.get(id);
            if (f == null) {
                names.push("[" + id + "]");
                break;
            }
            names.push(f[0] == null ? "[" + id + "]" : f[0]);
            id = f[1];
        }
        return "/" + String.join("/", names);
    }

    /** The given folders and, with {@code recursive}, every folder below them. */
    public Set<String> scope(List<String> roots, boolean recursive) {
        Set<String> out = new LinkedHashSet<>(roots);
        if (!recursive) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), List.of())) {
                if (out.add(child)) {
                    todo.push(child);
                }
            }
        }
        return out;
    }
}
