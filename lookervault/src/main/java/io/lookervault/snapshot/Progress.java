package io.lookervault.snapshot;

/** What a push or pull has moved so far, for a progress line on stderr. Called from several threads. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (objects, bytes, totalObjects) -> { };

    /**
     * Objects (packs, index, manifest) and their bytes moved to or from the store so far.
     *
     * @param totalObjects objects expected in all (a pull knows its packs), or -1 while unknown (a push learns
     *                     what it uploads as it reads the vault, see {@link #read})
     */
    void moved(long objects, long bytes, long totalObjects);

    /** A push has read {@code done} of the vault's {@code total} documents (the ETA of a push). */
    default void read(long done, long total) {}

    /** A step without byte counts begins, e.g. the consistent copy of the vault, or the tables of a pull. */
    default void step(String what) {}
}
