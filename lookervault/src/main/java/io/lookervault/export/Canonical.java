package io.lookervault.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The form of a document in an exported file: keys sorted at every depth, and without the fields that change
 * when nobody changed anything, and without anything secret. Stateless and thread-safe.
 */
public final class Canonical {
    /**
     * Fields Looker changes by itself (reads, favourites, logins, schedule runs) or computes for the caller
     * ({@code can}): left out at any depth, so a nightly export only differs where a person changed something.
     * All are read-only in the API, so restore never needed them.
     */
    public static final Set<String> VOLATILE = Set.of("can", "view_count", "favorite_count", "content_favorite_id",
            "last_viewed_at", "last_accessed_at", "logged_in_at", "logged_in_ip", "last_run_at", "next_run_at",
            "run_count", "usage_count");

    /**
     * Fields that can hold a secret or a one-time token: never written to a file, at any depth (Looker does not
     * return most of them, and a file in git must not carry one if it ever does).
     */
    public static final Set<String> SECRET = Set.of("password", "password_reset_url", "secret", "client_secret",
            "secret_parameters", "access_token", "refresh_token", "api_token", "authorization_token",
            "authentication_token", "auth_password", "git_password", "pdt_password", "deploy_secret",
            "custom_s3_secret", "navigation_token", "session_reference_token");

    private Canonical() {}

    /** A sorted copy of {@code doc} without volatile and secret fields. */
    public static JsonNode of(JsonNode doc) {
        if (doc.isObject()) {
            List<String> keys = new ArrayList<>();
            doc.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String k : keys) {
                if (!VOLATILE.contains(k) && !SECRET.contains(k)) {
                    out.set(k, of(doc.get(k)));
                }
            }
            return out;
        }
        if (doc.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(doc.size());
            doc.forEach(e -> out.add(of(e)));
            return out;
        }
        return doc;
    }

    /** The first secret field name found in {@code doc} at any depth, or null. */
    static String secretIn(JsonNode doc) {
        if (doc.isObject()) {
            for (var it = doc.fields(); it.hasNext(); ) {
                var e = it.next();
                if (SECRET.contains(e.getKey()) && !e.getValue().isNull()) {
                    return e.getKey();
                }
                String inner = secretIn(e.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (doc.isArray()) {
            for (JsonNode e : doc) {
                String inner = secretIn(e);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
