package io.lookervault.looker;

/** 403: the API user lacks a permission. Permanent. */
public class ForbiddenException extends LookerException {
    public ForbiddenException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }
}
