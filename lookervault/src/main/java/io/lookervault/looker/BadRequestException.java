package io.lookervault.looker;

/**
 * 400, 405 ("resource can't be modified", e.g. built-in roles) or another 4xx not covered by a subtype.
 * Permanent.
 */
public class BadRequestException extends LookerException {
    public BadRequestException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }
}
