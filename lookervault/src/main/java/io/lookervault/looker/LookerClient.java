package io.lookervault.looker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.lookervault.config.LookerSettings;
import io.lookervault.config.ResilienceSettings;
import io.lookervault.resilience.AdaptiveRateLimiter;
import io.lookervault.resilience.ConcurrencyLimiter;
import io.lookervault.resilience.RetryExecutor;
import io.lookervault.resilience.RetryRule;
import io.lookervault.resilience.Sleeper;
import io.lookervault.resilience.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Looker API 4.0 client over {@code java.net.http}. Thread-safe: make one per command with
 * {@link #create} and share it between workers, so they share one rate limiter, retry policy and token.
 *
 * <p>Logs in lazily on the first call that needs it; a 401 makes it log in once more and repeat the
 * request; a second 401 is an {@link AuthenticationException}. Transient failures are retried by the
 * shared {@link RetryExecutor}. {@link #close()} logs out.
 */
public final class LookerClient implements LookerApi {
    private static final Logger LOG = LoggerFactory.getLogger(LookerClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The in-flight bound of {@code auto} when the command names no workers: the most workers allowed. */
    private static final int MAX_IN_FLIGHT = 50;

    private final HttpTransport transport;
    private final RetryExecutor retry;
    private final TokenManager tokens;
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean readOnly;
    private final Clock clock;

    private LookerClient(LookerSettings settings, ResilienceSettings resilience, Ticker ticker, Sleeper sleeper,
                         Clock clock) {
        this.clock = clock;
        settings.requireComplete();
        warnIfPlainHttp(settings.baseUrl().orElseThrow());
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(resilience.auto() ? 0 : resilience.ratePerSecond(),
                resilience.ratePerMinute(), resilience.maxRetryAfter(), ticker, sleeper);
        ConcurrencyLimiter inFlight = resilience.auto()
                ? ConcurrencyLimiter.adaptive(resilience.maxInFlight() > 0 ? resilience.maxInFlight() : MAX_IN_FLIGHT,
                        ticker)
                : ConcurrencyLimiter.fixed(resilience.maxInFlight());
        this.transport = new HttpTransport(settings.baseUrl().orElseThrow(), settings.timeout(), tls(settings),
                limiter, inFlight, (long) settings.maxResponseMb() << 20, clock);
        Duration maxRetryAfter = resilience.maxRetryAfter();
        this.retry = new RetryExecutor(new RetryRule(resilience.maxRetries(), resilience.initialBackoff(),
                resilience.maxBackoff(), t -> t instanceof LookerException le && le.isTransient(),
                t -> t instanceof RateLimitedException rl ? rl.retryAfter().map(d -> atMost(d, maxRetryAfter))
                        : Optional.empty()),
                sleeper, this::onRetry);
        this.tokens = new TokenManager(settings.clientId().orElseThrow(), settings.clientSecret().orElseThrow(),
                ticker, form -> exchange("POST", "/login", Map.of(),
                        form.getBytes(StandardCharsets.UTF_8), FORM, false).json());
    }

    private static javax.net.ssl.SSLContext tls(LookerSettings settings) {
        if (!settings.verifySsl()) {
            LOG.warn("TLS certificate verification is OFF (verify_ssl=false): use only for a trusted Looker;"
                    + " for a private CA set ca_file instead");
            return InsecureTls.context();
        }
        return settings.caFile().map(CustomCaTls::context).orElse(null);
    }

    /** Plain http sends the client secret and every token in clear; loopback (the simulator) is spared the noise. */
    private static void warnIfPlainHttp(String baseUrl) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
            LOG.warn("base_url {} is plain http: the client secret, tokens and all content cross the network"
                    + " unencrypted. Use https (require_tls=true / LOOKERVAULT_REQUIRE_TLS=true refuses http)", baseUrl);
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** A client on the real clock. Throws ConfigException when base_url or credentials are missing. */
    public static LookerClient create(LookerSettings settings, ResilienceSettings resilience) {
        return create(settings, resilience, Ticker.SYSTEM, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** A client whose rate limiter, backoff and token expiry run on the given ticker (for tests). */
    public static LookerClient create(LookerSettings settings, ResilienceSettings resilience, Ticker ticker,
                                      Sleeper sleeper) {
        return create(settings, resilience, ticker, sleeper, Clock.systemUTC());
    }

    /** As above; {@code clock} is the wall clock that dated {@code Retry-After} headers are read against. */
    public static LookerClient create(LookerSettings settings, ResilienceSettings resilience, Ticker ticker,
                                      Sleeper sleeper, Clock clock) {
        return new LookerClient(settings, resilience, ticker, sleeper, clock);
    }

    @Override
    public JsonNode get(String path, Map<String, String> query) throws LookerException, InterruptedException {
        return exchange("GET", path, query, null, null, true).json();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Adds {@code sorts=id} unless {@code query} names a {@code sorts} (an empty value sends none), or the
     * path is a catalogue list whose operation has no {@code sorts} parameter (see {@link ContentType#listSort()}).
     */
    @Override
    public Page page(String path, Map<String, String> query, long offset, int limit)
            throws LookerException, InterruptedException {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (!q.containsKey("sorts") && ContentType.sortFor(path).isPresent()) {
            q.put("sorts", ContentType.sortFor(path).get());
        }
        q.values().removeIf(String::isEmpty);
        q.put("limit", Integer.toString(limit));
        q.put("offset", Long.toString(offset));
        Answer a = retry.call(LookerException.class, () -> {
            Answer attempt = attempt("GET", path, q, null, null, true);
            if (!attempt.json().isArray()) {
                throw ErrorMapper.malformed("GET", path, attempt.response().status(), "expected a JSON array of items");
            }
            AnswerCheck.rows("GET", path, q, attempt.response().status(), toList(attempt.json()));
            return attempt;
        });
        Response r = a.response();
        return new Page(toList(a.json()), totalCount(r), LinkHeader.rel(r.link(), "next"));
    }

    @Override
    public JsonNode post(String path, Map<String, String> query, JsonNode body)
            throws LookerException, InterruptedException {
        return exchange("POST", path, query, bytes(body), "application/json", true).json();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The lookup runs only after an attempt whose answer was truly lost once the request was sent (a reset,
     * a timeout, a 2xx body cut short): a 429 or 503 never reached Looker, so nothing can have been created. A
     * found item is adopted only when it carries every field this create sent with the same value; anything
     * else is someone else's item, and the create is sent again.
     */
    @Override
    public JsonNode create(String path, JsonNode body, Existing existing) throws LookerException, InterruptedException {
        byte[] bytes = bytes(body);
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        return retry.call(LookerException.class, () -> {
            if (lost.getAndSet(false)) {
                JsonNode found = existing.find();
                if (found != null && SameFields.carries(found, body)) {
                    LOG.debug("POST {}: the item an earlier attempt created is there; not creating another", path);
                    return new Answer(null, found);
                }
            }
            try {
                return attempt("POST", path, Map.of(), bytes, "application/json", true);
            } catch (LookerException e) {
                lost.set(answerLost(e));
                throw e;
            }
        }).json();
    }

    /** Whether the request may have reached Looker and only its answer went missing. */
    private static boolean answerLost(LookerException e) {
        if (e instanceof NetworkException) {
            return !(e.getCause() instanceof java.net.ConnectException);
        }
        return e instanceof MalformedResponseException && e.status() >= 200 && e.status() < 300;
    }

    @Override
    public JsonNode patch(String path, Map<String, String> query, JsonNode body)
            throws LookerException, InterruptedException {
        return exchange("PATCH", path, query, bytes(body), "application/json", true).json();
    }

    @Override
    public JsonNode put(String path, Map<String, String> query, JsonNode body)
            throws LookerException, InterruptedException {
        return exchange("PUT", path, query, bytes(body), "application/json", true).json();
    }

    @Override
    public void delete(String path, Map<String, String> query) throws LookerException, InterruptedException {
        exchange("DELETE", path, query, null, null, true);
    }

    /**
     * From now on every request but a GET (and the login) throws {@link IllegalStateException} before it is
     * sent: a dry run cannot write to Looker whichever branch (create, update, delete) its code takes.
     */
    public LookerClient readOnly() {
        readOnly = true;
        return this;
    }

    /** GET /versions without logging in: the release, API versions and server URLs (a reachability check). */
    public JsonNode versions() throws LookerException, InterruptedException {
        return exchange("GET", "/versions", Map.of(), null, null, false).json();
    }

    /** GET /user: the API user this client is logged in as. */
    public JsonNode me() throws LookerException, InterruptedException {
        return get("/user", Map.of());
    }

    /** The instance URL this client talks to (no secret in it). */
    public String baseUrl() {
        return transport.baseUrl();
    }

    @Override
    public ApiStats stats() {
        return new ApiStats(transport.requests(), retries.get(), transport.rateLimited(), transport.inFlight());
    }

    /** How many times this client logged in (first login included). */
    public long logins() {
        return tokens.logins();
    }

    @Override
    public void close() {
        String token = tokens.takeForLogout();
        if (token == null) {
            return;
        }
        try {
            Response r = transport.send("DELETE", "/logout", Map.of(), null, null, token);
            LOG.debug("logout → {}", r.status());
        } catch (LookerException e) {
            LOG.debug("logout failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer and its parsed body (MissingNode when empty). */
    private record Answer(Response response, JsonNode json) {}

    private Answer exchange(String method, String path, Map<String, String> query, byte[] body,
                              String contentType, boolean auth) throws LookerException, InterruptedException {
        return retry.call(LookerException.class, () -> attempt(method, path, query, body, contentType, auth));
    }

    /** One try, 401 re-login included; parsing is part of it so a truncated body is retried. */
    private Answer attempt(String method, String path, Map<String, String> query, byte[] body,
                             String contentType, boolean auth) throws LookerException, InterruptedException {
        if (readOnly && !"GET".equals(method) && !"/login".equals(path)) {
            throw new IllegalStateException("dry run: " + method + " " + path + " was about to be sent; a dry run"
                    + " writes nothing to Looker (this is a bug in LookerVault, please report it)");
        }
        transport.acquire();
        String token = auth ? tokens.token() : null;
        Response r = transport.send(method, path, query, body, contentType, token);
        if (r.status() == 401 && auth) {
            LOG.debug("{} {} → 401; logging in again", method, path);
            tokens.invalidate(token);
            transport.acquire();
            r = transport.send(method, path, query, body, contentType, tokens.token());
            if (r.status() == 401) {
                throw new AuthenticationException(method, path, 401, method + " " + path
                        + " → 401 even after a fresh login: the API user's credentials or session are rejected", null);
            }
        }
        if (auth && r.status() < 400) {
            tokens.succeeded();
        }
        if (r.status() >= 400) {
            throw ErrorMapper.map(method, path, r.status(), r.contentType(), r.retryAfter(), r.body(), clock.instant());
        }
        JsonNode json = parse(method, path, r);
        AnswerCheck.check(method, path, query, r.status(), json);
        return new Answer(r, json);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    private JsonNode parse(String method, String path, Response r) throws MalformedResponseException {
        if (r.status() == 204 || r.body().length == 0) {
            return MissingNode.getInstance();
        }
        if (r.contentType().filter(t -> t.startsWith("text/plain")).isPresent()) {
            // a few operations answer a bare string (a project's git deploy key)
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(new String(r.body(), StandardCharsets.UTF_8));
        }
        if (ErrorMapper.looksLikeHtml(r.contentType(), r.body())) {
            throw ErrorMapper.malformed(method, path, r.status(),
                    "an HTML page instead of Looker's JSON (a proxy, load balancer or login page answered)");
        }
        try {
            return JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw ErrorMapper.malformed(method, path, r.status(), "truncated or invalid JSON ("
                    + r.body().length + " bytes: " + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw ErrorMapper.malformed(method, path, r.status(), "unreadable body: " + e.getMessage());
        }
    }

    private static OptionalLong totalCount(Response r) {
        try {
            return r.totalCount().map(v -> OptionalLong.of(Long.parseLong(v.strip()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return body == null ? null : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise request body", e);
        }
    }

    private static Duration atMost(Duration d, Duration max) {
        return d.compareTo(max) > 0 ? max : d;
    }

    private void onRetry(Throwable failure, int attempt, java.time.Duration delay) {
        retries.incrementAndGet();
        LOG.debug("retry {} in {} ms after: {}", attempt, delay.toMillis(), failure.getMessage());
    }
}
