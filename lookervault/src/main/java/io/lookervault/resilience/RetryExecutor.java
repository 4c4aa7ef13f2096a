package io.lookervault.resilience;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an attempt and repeats it on transient failures: exponential backoff with jitter (a Failsafe
 * {@link RetryPolicy} decides whether and how long), except that a server-given delay such as
 * {@code Retry-After} replaces the computed backoff. Permanent failures and exhausted retries are
 * rethrown unchanged; interrupts propagate. Thread-safe: one instance serves all workers, each call
 * keeps its own attempt count.
 */
public final class RetryExecutor {
    /** Longest server-requested delay honoured; beyond it the wait is capped (a misbehaving proxy). */
    static final Duration MAX_SERVER_DELAY = Duration.ofMinutes(5);

    /** One attempt of the guarded operation. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E, InterruptedException;
    }

    /** Told about each retry before its wait, e.g. to count retries or log them. Must be thread-safe. */
    @FunctionalInterface
    public interface Listener {
        void onRetry(Throwable failure, int attempt, Duration delay);
    }

    private final RetryPolicy<Object> policy;
    private final Function<Throwable, Optional<Duration>> serverDelay;
    private final Sleeper sleeper;
    private final Listener listener;

    public RetryExecutor(RetryRule rule, Sleeper sleeper, Listener listener) {
        var builder = RetryPolicy.builder()
                .handleIf(rule.retryable()::test)
                .withMaxRetries(rule.maxRetries())
                .withJitter(0.25);
        if (rule.initialBackoff().compareTo(rule.maxBackoff()) < 0) {
            builder.withBackoff(rule.initialBackoff(), rule.maxBackoff());
        } else {
            builder.withDelay(rule.initialBackoff());
        }
        this.policy = builder.build();
        this.serverDelay = rule.serverDelay();
        this.sleeper = sleeper;
        this.listener = listener;
    }

    public <T, E extends Exception> T call(Class<E> failureType, Attempt<T, E> attempt)
            throws E, InterruptedException {
        Execution<Object> execution = Execution.of(policy);
        for (int n = 1; ; n++) {
            try {
                T result = attempt.run();
                execution.recordResult(result);
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                E failure = failureType.cast(e);
                execution.recordException(failure);
                if (execution.isComplete()) {
                    throw failure;
                }
                Duration delay = delayFor(failure, execution.getDelay());
                listener.onRetry(failure, n, delay);
                sleeper.sleep(delay);
            }
        }
    }

    private Duration delayFor(Throwable failure, Duration computed) {
        return serverDelay.apply(failure)
                .map(d -> d.compareTo(MAX_SERVER_DELAY) > 0 ? MAX_SERVER_DELAY : d)
                .orElse(computed);
    }
}
