package io.lookervault.snapshot;

import java.util.List;

/**
 * Where snapshots live: a flat key → bytes store (an S3 bucket prefix or a folder). A put is all-or-nothing
 * (S3 objects are; files are written aside and renamed), which is what makes a killed push or prune safe.
 */
public interface BlobStore extends AutoCloseable {
    void put(String key, byte[] data);

    /** @throws MissingObjectException when the key does not exist */
    byte[] get(String key);

    /** Uploads a file (for objects too big for the heap). */
    void putFile(String key, java.nio.file.Path file);

    /** Downloads an object into a file. @throws MissingObjectException when the key does not exist */
    void getFile(String key, java.nio.file.Path file);

    /** Every key that starts with {@code prefix}, e.g. {@code "packs/"}. */
    List<String> list(String prefix);

    void delete(String key);

    /** The store as the user named it, for messages (never with credentials). */
    String describe();

    @Override
    void close();

    /** A key the store does not hold. */
    final class MissingObjectException extends SnapshotException {
        public MissingObjectException(String message) {
            super(message);
        }
    }
}
