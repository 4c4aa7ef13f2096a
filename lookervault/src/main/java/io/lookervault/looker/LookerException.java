package io.lookervault.looker;

/**
 * A failed exchange with Looker. Subclasses say what kind of failure it was, so callers can decide
 * (retry, record and go on, or stop). Messages name the method, path, status and Looker's own message,
 * and never a secret.
 */
public class LookerException extends Exception {
    private final String method;
    private final String path;
    private final int status;

    public LookerException(String method, String path, int status, String message, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.status = status;
    }

    public String method() {
        return method;
    }

    /** The request path relative to /api/4.0, without the query string. */
    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when no answer arrived (network error, timeout). */
    public int status() {
        return status;
    }

    /** Whether the same request may succeed later (429, 5xx, network, malformed answer). */
    public boolean isTransient() {
        return false;
    }
}
