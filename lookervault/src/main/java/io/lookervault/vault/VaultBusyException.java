package io.lookervault.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Another LookerVault job holds the vault's lock; the message names it (when its lock file says) and what
 * to do. Not retried: an admin must see at once that yesterday's job is still running.
 */
public final class VaultBusyException extends VaultException {
    private final transient Path vault;
    private final transient VaultLock.Holder holder;

    public VaultBusyException(Path vault, Optional<VaultLock.Holder> holder) {
        super("vault " + vault + " is in use by " + holder.map(h -> "another LookerVault job (" + h.job() + ", pid "
                + h.pid() + ", since " + h.since() + ")").orElse("another LookerVault process")
                + "; wait for it to finish or stop it");
        this.vault = vault;
        this.holder = holder.orElse(null);
    }

    public Path vault() {
        return vault;
    }

    /** What the lock file says about the job holding it, if it is readable. */
    public Optional<VaultLock.Holder> holder() {
        return Optional.ofNullable(holder);
    }
}
