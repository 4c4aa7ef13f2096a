package io.lookervault.looker;

/**
 * An answer that is not the JSON Looker sends: HTML from a proxy or login page, truncated or unparsable
 * JSON. Transient (usually a proxy or a dropped connection).
 */
public class MalformedResponseException extends LookerException {
    public MalformedResponseException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
