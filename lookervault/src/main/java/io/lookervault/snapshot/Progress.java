package io.lookervault.snapshot;

/** What a push or pull has moved so far, for a progress line on stderr. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (objects, bytes, totalObjects) -> { };

    /** @param totalObjects objects expected in all, or -1 while unknown */
    void moved(long objects, long bytes, long totalObjects);
}
