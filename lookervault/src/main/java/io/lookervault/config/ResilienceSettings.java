package io.lookervault.config;

import java.time.Duration;

/**
 * The shared request budget and retry behaviour of one command.
 *
 * @param ratePerSecond  cap on requests per second across all workers (adaptive: halves on a 429)
 * @param ratePerMinute  cap on requests per minute across all workers; 0 means no per-minute cap
 * @param maxRetries     retries of one request after a transient failure (429, 5xx, network, malformed)
 * @param initialBackoff first retry delay when Looker gives no Retry-After (doubles, with jitter)
 * @param maxBackoff     longest computed retry delay
 */
public record ResilienceSettings(double ratePerSecond, int ratePerMinute, int maxRetries, Duration initialBackoff,
                                 Duration maxBackoff) {

    public static final double DEFAULT_RATE_PER_SECOND = 20;
    public static final int DEFAULT_RATE_PER_MINUTE = 0;
    public static final int DEFAULT_MAX_RETRIES = 5;

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_PER_MINUTE, DEFAULT_MAX_RETRIES,
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public ResilienceSettings withMaxRetries(int retries) {
        return new ResilienceSettings(ratePerSecond, ratePerMinute, retries, initialBackoff, maxBackoff);
    }

    public ResilienceSettings withRates(double perSecond, int perMinute) {
        return new ResilienceSettings(perSecond, perMinute, maxRetries, initialBackoff, maxBackoff);
    }
}
