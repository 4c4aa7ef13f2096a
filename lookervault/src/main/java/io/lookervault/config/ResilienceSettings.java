package io.lookervault.config;

import java.time.Duration;

/**
 * The shared request budget and retry behaviour of one command.
 *
 * @param ratePerSecond  ceiling on requests per second across all workers, 0 for none; ignored when {@code auto}
 * @param ratePerMinute  cap on requests per minute across all workers; 0 means no per-minute cap
 * @param maxRetries     retries of one request after a transient failure (429, 5xx, network, malformed)
 * @param initialBackoff first retry delay when Looker gives no Retry-After (doubles, with jitter)
 * @param maxBackoff     longest computed retry delay
 * @param auto           {@code rate_limit_per_second = auto}: the number of requests in flight is discovered
 *                       from Looker's latency and 429/503 answers, and only 429s slow the request rate
 * @param maxRetryAfter  longest {@code Retry-After} honoured; a longer one is cut to it
 * @param maxInFlight    requests in flight at most (the command's workers); 0 for no bound
 */
public record ResilienceSettings(double ratePerSecond, int ratePerMinute, int maxRetries, Duration initialBackoff,
                                 Duration maxBackoff, boolean auto, Duration maxRetryAfter, int maxInFlight) {

    public static final double DEFAULT_RATE_PER_SECOND = 0;
    public static final int DEFAULT_RATE_PER_MINUTE = 0;
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** Fixed-rate settings (no discovery), as tests and harnesses that pin the rate use them. */
    public ResilienceSettings(double ratePerSecond, int ratePerMinute, int maxRetries, Duration initialBackoff,
                              Duration maxBackoff) {
        this(ratePerSecond, ratePerMinute, maxRetries, initialBackoff, maxBackoff, false, DEFAULT_MAX_RETRY_AFTER, 0);
    }

    /** {@code auto}: discovered concurrency, no rate ceiling. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_PER_MINUTE, DEFAULT_MAX_RETRIES,
                Duration.ofMillis(500), Duration.ofSeconds(30), true, DEFAULT_MAX_RETRY_AFTER, 0);
    }

    public ResilienceSettings withMaxRetries(int retries) {
        return new ResilienceSettings(ratePerSecond, ratePerMinute, retries, initialBackoff, maxBackoff, auto,
                maxRetryAfter, maxInFlight);
    }

    /** A fixed ceiling (0: none) instead of {@code auto}. */
    public ResilienceSettings withRates(double perSecond, int perMinute) {
        return new ResilienceSettings(perSecond, perMinute, maxRetries, initialBackoff, maxBackoff, false,
                maxRetryAfter, maxInFlight);
    }

    /** At most {@code n} requests in flight, e.g. the command's workers. */
    public ResilienceSettings withMaxInFlight(int n) {
        return new ResilienceSettings(ratePerSecond, ratePerMinute, maxRetries, initialBackoff, maxBackoff, auto,
                maxRetryAfter, n);
    }

    /** How the rate setting reads back: {@code auto}, {@code none} or the ceiling per second. */
    public String describeRate() {
        if (auto) {
            return "auto";
        }
        return ratePerSecond == 0 ? "none" : (ratePerSecond == Math.rint(ratePerSecond)
                ? Long.toString((long) ratePerSecond) : Double.toString(ratePerSecond)) + "/s";
    }
}
