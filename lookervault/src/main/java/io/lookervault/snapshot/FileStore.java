package io.lookervault.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** A store in a folder ({@code file:///path}): a mounted disk or NFS. Keys are relative paths. */
final class FileStore implements BlobStore {
    private final Path root;

    FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] data) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            // written aside and renamed: a reader (or a killed writer) never leaves half an object
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, data);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void putFile(String key, Path file) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.copy(file, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void getFile(String key, Path file) {
        try {
            Files.copy(path(key), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new MissingObjectException(key + " is missing from " + describe());
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + path(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            throw new MissingObjectException(key + " is missing from " + describe());
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + path(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path dir = path(prefix).getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SnapshotException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new SnapshotException("cannot delete " + path(key) + ": " + e.getMessage(), e);
        }
    }

    private Path path(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return p;
    }

    @Override
    public String describe() {
        return root.toUri().toString();
    }

    @Override
    public void close() {
    }
}
