package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import io.lookervault.config.Secret;
import io.lookervault.resilience.Ticker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the access token: logs in lazily, again shortly before expiry (the SDKs' 10-second lag, less
 * for very short tokens), and when a caller reports a 401 on the current token. Thread-safe: workers
 * that need a token while one of them logs in wait for that login instead of each logging in.
 */
final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    private static final Duration LAG = Duration.ofSeconds(10);
    /** Fresh logins in a row that Looker still answered with 401: after these, every request fails at once. */
    static final int MAX_RELOGINS = 3;

    /** Performs the login exchange (with retries) and returns Looker's AccessToken JSON; called under the lock. */
    @FunctionalInterface
    interface Login {
        JsonNode login(String formBody) throws LookerException, InterruptedException;
    }

    private final String clientId;
    private final Secret clientSecret;
    private final Ticker ticker;
    private final Login login;
    private String token;
    private long refreshAt;
    private long logins;
    /** 401s on a current token since the last success; reset by {@link #succeeded()}. */
    private final java.util.concurrent.atomic.AtomicInteger rejections = new java.util.concurrent.atomic.AtomicInteger();
    /** Set once logging in is pointless (a refused login, or Looker rejecting fresh tokens): thrown by token(). */
    private AuthenticationException refused;

    TokenManager(String clientId, Secret clientSecret, Ticker ticker, Login login) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.ticker = ticker;
        this.login = login;
    }

    /** A token valid for at least the lag, logging in first if needed. */
    synchronized String token() throws LookerException, InterruptedException {
        if (refused != null) {
            throw new AuthenticationException(refused.method(), refused.path(), refused.status(),
                    refused.getMessage(), refused);
        }
        if (token == null || ticker.nanos() - refreshAt >= 0) {
            try {
                logIn();
            } catch (AuthenticationException e) {
                refused = e;
                throw e;
            }
        }
        return token;
    }

    /**
     * The caller got a 401 with {@code rejected}: forget it unless another worker already replaced it (so
     * that many workers rejected at once make one login). After {@link #MAX_RELOGINS} fresh logins in a row
     * without a success, Looker is taken to reject this API user, and no more logins are made.
     */
    synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
            if (rejections.incrementAndGet() > MAX_RELOGINS) {
                refused = new AuthenticationException("POST", "/login", 401, "Looker answered 401 to every request"
                        + " even after " + MAX_RELOGINS + " fresh logins in a row: the API user's credentials or"
                        + " session are rejected (check the API user and its keys, then run again)", null);
            }
        }
    }

    /** A request with a token succeeded: the 401s before it were expiries, not a rejection. Lock-free. */
    void succeeded() {
        if (rejections.get() != 0) {
            rejections.set(0);
        }
    }

    /** The current token without logging in, or null; and forgets it (for logout). */
    synchronized String takeForLogout() {
        String t = token;
        token = null;
        return t;
    }

    synchronized long logins() {
        return logins;
    }

    private void logIn() throws LookerException, InterruptedException {
        String form = "client_id=" + HttpTransport.enc(clientId) + "&client_secret="
                + HttpTransport.enc(clientSecret.reveal());
        JsonNode answer = login.login(form);
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw ErrorMapper.malformed("POST", "/login", 200, "the login answer has no access_token");
        }
        long ttl = Math.max(1, answer.path("expires_in").asLong(3600));
        Duration lag = Duration.ofSeconds(ttl).dividedBy(4).compareTo(LAG) < 0
                ? Duration.ofSeconds(ttl).dividedBy(4) : LAG;
        token = accessToken;
        refreshAt = ticker.nanos() + Duration.ofSeconds(ttl).minus(lag).toNanos();
        logins++;
        LOG.debug("logged in to Looker; token valid for {} s", ttl);
    }
}
