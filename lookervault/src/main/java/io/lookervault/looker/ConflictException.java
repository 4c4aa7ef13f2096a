package io.lookervault.looker;

/** 409: the resource already exists (e.g. a dashboard slug). Permanent. */
public class ConflictException extends LookerException {
    public ConflictException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }
}
