package io.lookervault.snapshot;

/** A snapshot operation that cannot go on; the message is one line that says what to do. */
public class SnapshotException extends RuntimeException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
