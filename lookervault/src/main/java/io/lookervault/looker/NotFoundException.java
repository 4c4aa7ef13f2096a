package io.lookervault.looker;

/** 404: the item does not exist, or the API user may not see it (Looker answers 404 for both). Permanent. */
public class NotFoundException extends LookerException {
    public NotFoundException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }
}
