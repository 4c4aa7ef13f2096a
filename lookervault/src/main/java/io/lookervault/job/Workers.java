package io.lookervault.job;

/**
 * How many workers a job may run in parallel (extract's fetchers, restore's writers): the one place for
 * the range and the default that settings, flags, options and help texts all use.
 */
public final class Workers {
    public static final int MIN = 1;
    public static final int MAX = 50;
    public static final int DEFAULT = 8;

    private Workers() {}

    /** {@code n}, or an error a user can act on. */
    public static int check(int n) {
        if (n < MIN || n > MAX) {
            throw new IllegalArgumentException("--workers must be between " + MIN + " and " + MAX + ", got " + n);
        }
        return n;
    }
}
