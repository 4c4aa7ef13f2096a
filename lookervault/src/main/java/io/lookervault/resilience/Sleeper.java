package io.lookervault.resilience;

import java.time.Duration;

/**
 * Waits for a duration; injected so tests advance a fake clock instead of sleeping. Implementations
 * must be thread-safe and must throw (not swallow) {@link InterruptedException}.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper SYSTEM = d -> {
        long nanos = d.toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };
}
