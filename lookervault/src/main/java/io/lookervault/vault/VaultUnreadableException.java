package io.lookervault.vault;

/** The file is missing, damaged beyond opening, or not a LookerVault vault; the message says which. */
public final class VaultUnreadableException extends VaultException {
    public VaultUnreadableException(String message) {
        super(message);
    }

    public VaultUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
