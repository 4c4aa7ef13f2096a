package io.lookervault.looker;

/** No answer: connection refused or reset, TLS failure, DNS, timeout. Status 0. Transient. */
public class NetworkException extends LookerException {
    public NetworkException(String method, String path, String message, Throwable cause) {
        super(method, path, 0, message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
