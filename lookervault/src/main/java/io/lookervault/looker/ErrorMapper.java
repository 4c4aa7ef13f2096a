package io.lookervault.looker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an HTTP error answer into the {@link LookerException} subtype a caller can act on. Pure and
 * thread-safe. Messages name the method, path, status and Looker's own message; the body is never
 * copied beyond Looker's {@code message} field, so nothing the server echoes can leak.
 */
public final class ErrorMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private ErrorMapper() {}

    /**
     * @param contentType the answer's Content-Type, or empty
     * @param retryAfter  the raw Retry-After header, or empty
     * @param now         the wall-clock time, to read an HTTP-date Retry-After
     */
    public static LookerException map(String method, String path, int status, Optional<String> contentType,
                                      Optional<String> retryAfter, byte[] body, Instant now) {
        boolean html = looksLikeHtml(contentType, body);
        JsonNode json = html ? null : parse(body);
        String lookerMessage = json == null ? "" : text(json.get("message"));
        String msg = describe(method, path, status, lookerMessage, html);
        if ("/login".equals(path) && (status == 401 || status == 403 || status == 404)) {
            return new AuthenticationException(method, path, status, msg
                    + " — Looker refused the login: check client_id and client_secret (LOOKERSDK_CLIENT_ID/"
                    + "LOOKERSDK_CLIENT_SECRET or looker.ini) and that base_url points at this instance", null);
        }
        return switch (status) {
            case 401 -> new AuthenticationException(method, path, status, msg, null);
            case 403 -> new ForbiddenException(method, path, status, msg, null);
            case 404 -> new NotFoundException(method, path, status, msg, null);
            case 409 -> new ConflictException(method, path, status, msg, null);
            case 422 -> new ValidationException(method, path, msg + fieldSummary(json), fieldErrors(json));
            case 429 -> new RateLimitedException(method, path, msg, parseRetryAfter(retryAfter, now));
            default -> status >= 500
                    ? new ServerException(method, path, status, msg, null)
                    : new BadRequestException(method, path, status, msg, null);
        };
    }

    /** A 2xx answer whose body is not the JSON expected. */
    public static MalformedResponseException malformed(String method, String path, int status, String why) {
        return new MalformedResponseException(method, path, status,
                method + " " + path + " → " + status + ": " + why, null);
    }

    static boolean looksLikeHtml(Optional<String> contentType, byte[] body) {
        if (contentType.map(c -> c.toLowerCase(Locale.ROOT).contains("text/html")).orElse(false)) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    /** Seconds or an HTTP-date, as RFC 9110 allows. */
    static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String v = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static String describe(String method, String path, int status, String lookerMessage, boolean html) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" → ").append(status);
        if (html) {
            b.append(": an HTML page instead of Looker's JSON (a proxy, load balancer or login page answered)");
        } else if (!lookerMessage.isEmpty()) {
            b.append(": ").append(truncate(lookerMessage));
        }
        return b.toString();
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static List<ValidationException.FieldError> fieldErrors(JsonNode json) {
        List<ValidationException.FieldError> out = new ArrayList<>();
        if (json != null && json.path("errors").isArray()) {
            for (JsonNode e : json.get("errors")) {
                out.add(new ValidationException.FieldError(text(e.get("field")), text(e.get("code")),
                        truncate(text(e.get("message")))));
            }
        }
        return out;
    }

    private static String fieldSummary(JsonNode json) {
        List<ValidationException.FieldError> errors = fieldErrors(json);
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        for (int i = 0; i < errors.size(); i++) {
            ValidationException.FieldError e = errors.get(i);
            b.append(i == 0 ? "" : "; ").append(e.field()).append(": ").append(e.message());
        }
        return b.append(')').toString();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }
}
