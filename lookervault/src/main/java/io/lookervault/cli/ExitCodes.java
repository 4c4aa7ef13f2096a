package io.lookervault.cli;

/** Process exit codes, as PRODUCT.md defines them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected error (a bug, or a Looker failure that retries did not overcome). */
    public static final int UNEXPECTED = 1;
    /** Bad usage or configuration: fix the command line or the settings. */
    public static final int USAGE = 2;
    /** Looker cannot be reached, or refuses the login or the permissions needed. */
    public static final int CONNECT = 3;
    /** The command finished but some items failed (they are in the run report). */
    public static final int PARTIAL = 4;
    /** Interrupted (Ctrl-C); the run can be resumed. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
