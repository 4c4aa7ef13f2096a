package io.lookervault.extract;

import io.lookervault.looker.LookerException;

/**
 * A worker's failure that ends the whole run rather than one item: Looker rejects the API user, so every
 * further request would fail the same way. {@link ExtractEngine} re-throws the cause to the command.
 */
final class RunStopped extends RuntimeException {
    RunStopped(LookerException cause) {
        super(cause.getMessage(), cause);
    }

    /** Throws {@code e} wrapped when it must stop the run; returns otherwise. */
    static void ifFatal(LookerException e) {
        if (e instanceof io.lookervault.looker.AuthenticationException) {
            throw new RunStopped(e);
        }
    }

    LookerException looker() {
        return (LookerException) getCause();
    }
}
