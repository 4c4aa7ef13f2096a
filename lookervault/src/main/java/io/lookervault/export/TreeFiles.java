package io.lookervault.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** File-system chores of a tree: its manifest, its object files, stale files and empty directories. */
final class TreeFiles {
    /** The directories that hold object files; nothing outside them is ever removed. */
    static final List<String> OBJECT_DIRS = List.of(TreeLayout.FOLDERS, "admin", "users");

    private TreeFiles() {}

    static Manifest manifestOrNull(Path dir) throws IOException {
        Path f = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return Manifest.fromJson(TreeFormat.JSON.read(Files.readAllBytes(f)));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Object files of the tree (either format), relative with '/' separators; dot-directories are skipped. */
    static List<String> objectFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String top : OBJECT_DIRS) {
            Path root = dir.resolve(top);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.contains("/.") && (p.endsWith(".json") || p.endsWith(".yaml")))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Removes the old file of every object the new manifest put elsewhere and, with {@code clean}, every object
     * file the new manifest does not list; then empty directories. Returns the number of files removed.
     */
    static int removeStale(Path dir, Manifest now, Manifest old, boolean clean) throws IOException {
        Set<String> keep = new HashSet<>();
        Set<String> exported = new HashSet<>();
        now.files().forEach(e -> {
            keep.add(e.path());
            exported.add(e.type() + "/" + e.id());
        });
        Set<String> drop = new HashSet<>();
        if (old != null) {
            old.files().stream().filter(e -> !keep.contains(e.path()) && exported.contains(e.type() + "/" + e.id()))
                    .forEach(e -> drop.add(e.path()));
        }
        if (clean) {
            objectFiles(dir).stream().filter(p -> !keep.contains(p)).forEach(drop::add);
        }
        int removed = 0;
        for (String p : drop) {
            if (Files.deleteIfExists(dir.resolve(p))) {
                removed++;
            }
        }
        if (removed > 0) {
            removeEmptyDirs(dir);
        }
        return removed;
    }

    private static void removeEmptyDirs(Path dir) throws IOException {
        for (String top : OBJECT_DIRS) {
            Path root = dir.resolve(top);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> dirs;
            try (Stream<Path> s = Files.walk(root)) {
                dirs = s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
            }
            for (Path d : dirs) {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }
}
