package io.lookervault.resilience;

/**
 * A monotonic clock in nanoseconds, injected so that rate limiting, backoff and token expiry can be
 * tested on a fake clock. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
