package io.lookervault.restore;

/** A failed task's cause, passed on as itself where Java allows. */
final class Rethrow {
    private Rethrow() {}

    /**
     * Throws {@code cause} itself when it is an interruption, an unchecked exception or an error; else returns an
     * {@link IllegalStateException} naming {@code what} failed, for the caller to throw.
     */
    static IllegalStateException cause(Throwable cause, String what) throws InterruptedException {
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(what + " failed: " + cause, cause);
    }
}
