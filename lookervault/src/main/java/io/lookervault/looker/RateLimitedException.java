package io.lookervault.looker;

import java.time.Duration;
import java.util.Optional;

/** 429: Looker asked us to slow down, maybe saying for how long. Transient. */
public class RateLimitedException extends LookerException {
    private final Duration retryAfter;

    public RateLimitedException(String method, String path, String message, Optional<Duration> retryAfter) {
        super(method, path, 429, message, null);
        this.retryAfter = retryAfter.orElse(null);
    }

    /** The wait Looker asked for in its {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
