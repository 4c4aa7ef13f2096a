package io.lookervault.looker;

/** 5xx: Looker or a proxy in front of it failed. Transient. */
public class ServerException extends LookerException {
    public ServerException(String method, String path, int status, String message, Throwable cause) {
        super(method, path, status, message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
