package io.lookervault.snapshot;

/** A snapshot operation that cannot go on; the message is one line that says what to do. */
public class SnapshotException extends RuntimeException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Refused until the user changes something (a flag, a path, the key): not damage in the store. */
    public static final class Refused extends SnapshotException {
        public Refused(String message) {
            super(message);
        }
    }
}
