package io.lookervault.looker;

import io.lookervault.resilience.AdaptiveRateLimiter;
import io.lookervault.resilience.ConcurrencyLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with Looker: sends, reads the whole answer within a deadline, and tells the shared
 * rate limiter and concurrency limiter how it went. The caller waits for the rate limiter ({@link #acquire()})
 * before it picks the token, so a token never goes stale while its request waits out a pause; the place in
 * flight is taken only around the exchange itself, so that a login made while picking the token never waits
 * for a place its own caller holds. Does not retry or map statuses. Thread-safe.
 */
final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    static final String API_PREFIX = "/api/4.0";
    static final String APP_ID = "lookervault";
    private static final long DEADLINE_SLACK_MS = 1_000;

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final AdaptiveRateLimiter limiter;
    private final long maxBodyBytes;
    private final ConcurrencyLimiter inFlight;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    private final Clock clock;

    /** The default cap on one answer's body (64 MB): a bigger one fails its request instead of the heap. */
    static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

    /**
     * @param tls      the TLS context, or null for the system's (verify against the system's CAs)
     * @param inFlight how many requests may be in flight at once (adaptive or fixed), shared by every worker
     */
    HttpTransport(String baseUrl, Duration timeout, SSLContext tls, AdaptiveRateLimiter limiter,
                  ConcurrencyLimiter inFlight, long maxBodyBytes, Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.limiter = limiter;
        this.inFlight = inFlight;
    }

    /**
     * @param path        relative to /api/4.0, already percent-encoded per segment
     * @param body        request body or null
     * @param contentType body's content type, or null
     * @param token       access token, or null for unauthenticated calls
     */
    Response send(String method, String path, Map<String, String> query, byte[] body, String contentType,
                  String token) throws LookerException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri(path, query))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("x-looker-appid", APP_ID)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            rb.header("Content-Type", contentType);
        }
        if (token != null) {
            rb.header("Authorization", "token " + token);
        }
        ConcurrencyLimiter.Permit permit = inFlight.acquire(kind(method, path));
        requests.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = exchange(method, path, rb.build());
        } catch (NetworkException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                permit.overloaded();
            } else {
                permit.ignore();
            }
            throw e;
        } catch (InterruptedException | RuntimeException e) {
            permit.ignore();
            throw e;
        }
        Response resp = new Response(r.statusCode(), r.headers().firstValue("Content-Type"),
                r.headers().firstValue("Retry-After"), r.headers().firstValue("X-Total-Count"),
                r.headers().firstValue("Link"), r.body() == null ? new byte[0] : r.body());
        onOutcome(resp, permit);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} → {} ({} ms, {} bytes)", method, path, r.statusCode(),
                    (System.nanoTime() - start) / 1_000_000, resp.body().length);
        }
        return resp;
    }

    /** Waits for the shared rate limiter's permission to send one request. */
    void acquire() throws InterruptedException {
        limiter.acquire();
    }

    private HttpResponse<byte[]> exchange(String method, String path, HttpRequest request)
            throws LookerException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() + DEADLINE_SLACK_MS);
        try {
            // an interrupt (Ctrl-C) cancels the exchange and surfaces here as InterruptedException
            return http.send(request, DeadlineBody.bytesBy(deadline, maxBodyBytes));
        } catch (HttpTimeoutException e) {
            throw timedOut(method, path, e);
        } catch (IOException io) {
            for (Throwable c = io; c != null; c = c.getCause()) {
                if (c instanceof DeadlineBody.TooLarge) {
                    throw new ResponseTooLargeException(method, path, maxBodyBytes);
                }
            }
            throw new NetworkException(method, path, method + " " + path + ": " + describe(io) + " talking to "
                    + baseUrl, io);
        }
    }

    private NetworkException timedOut(String method, String path, Throwable cause) {
        return new NetworkException(method, path, method + " " + path + ": no complete answer within "
                + timeout.toMillis() + " ms (timeout; raise LOOKERSDK_TIMEOUT if Looker is slow)", cause);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        String msg = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failure (" + msg + "); use verify_ssl=false only for a trusted self-signed Looker";
        }
        return msg == null || msg.isBlank() ? name : name + ": " + msg;
    }

    URI uri(String path, Map<String, String> query) {
        StringBuilder b = new StringBuilder(baseUrl).append(API_PREFIX).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return URI.create(b.toString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void onOutcome(Response r, ConcurrencyLimiter.Permit permit) {
        int status = r.status();
        if (status == 429 || status == 503) {
            permit.overloaded();
        } else if (status < 300) {
            permit.success();
        } else {
            permit.ignore(); // a 4xx comes back without the work a 2xx costs: not a round-trip sample
        }
        if (status == 429) {
            rateLimited.incrementAndGet();
            limiter.onRateLimited(ErrorMapper.parseRetryAfter(r.retryAfter(), clock.instant()));
        } else if (status < 500) {
            limiter.onSuccess();
        }
    }

    /** Requests of one cost share a round-trip baseline: the method and the path with its ids blanked. */
    static String kind(String method, String path) {
        return method + " " + ID_SEGMENT.matcher(path).replaceAll("/{}");
    }

    private static final java.util.regex.Pattern ID_SEGMENT = java.util.regex.Pattern.compile("/[0-9]+(?=/|$)");

    ConcurrencyLimiter.Snapshot inFlight() {
        return inFlight.snapshot();
    }

    long requests() {
        return requests.get();
    }

    long rateLimited() {
        return rateLimited.get();
    }

    String baseUrl() {
        return baseUrl;
    }
}
