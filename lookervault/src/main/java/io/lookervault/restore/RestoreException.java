package io.lookervault.restore;

/** A restore cannot go on (vault unreadable, no such run or item). Per-item write failures are not this. */
public class RestoreException extends RuntimeException {
    public RestoreException(String message) {
        super(message);
    }

    public RestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
