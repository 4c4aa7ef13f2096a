package io.lookervault.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What {@link RetryExecutor} retries and how long it waits: one value, so a caller states its retry rule in
 * one place instead of five positional arguments.
 *
 * @param maxRetries     repeats after the first attempt
 * @param initialBackoff first wait; doubles up to {@code maxBackoff} (a fixed delay when they are equal)
 * @param retryable      which failures are transient
 * @param serverDelay    the delay the server asked for (Retry-After), if the failure carries one
 */
public record RetryRule(int maxRetries, Duration initialBackoff, Duration maxBackoff, Predicate<Throwable> retryable,
                        Function<Throwable, Optional<Duration>> serverDelay) {}
