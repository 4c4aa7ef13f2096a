package io.lookervault.looker;

/**
 * Looker refused the credentials (404 or 401 on login) or a 401 survived a fresh login. Permanent:
 * check client_id, client_secret and base_url.
 */
public class AuthenticationException extends LookerException {
    public AuthenticationException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }
}
