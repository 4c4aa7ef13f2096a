package io.lookervault.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach and log in to one Looker instance.
 *
 * @param baseUrl      the instance URL without {@code /api/4.0} (e.g. {@code https://acme.cloud.looker.com}); empty if unset
 * @param clientId     API3 client id; empty if unset
 * @param clientSecret API3 client secret; empty if unset
 * @param verifySsl    whether TLS certificates and host names are verified
 * @param timeout      request timeout (also bounds the connect timeout)
 * @param caFile       PEM file of certificate authorities trusted besides the system's (a private CA); empty if unset
 * @param requireTls   refuse an {@code http://} base_url instead of warning
 * @param maxResponseMb the largest answer body read, in MB; a bigger one fails its request
 */
public record LookerSettings(Optional<String> baseUrl, Optional<String> clientId, Optional<Secret> clientSecret,
                             boolean verifySsl, Duration timeout, Optional<java.nio.file.Path> caFile,
                             boolean requireTls, int maxResponseMb) {
    public static final int DEFAULT_MAX_RESPONSE_MB = 64;

    public LookerSettings(Optional<String> baseUrl, Optional<String> clientId, Optional<Secret> clientSecret,
                          boolean verifySsl, Duration timeout) {
        this(baseUrl, clientId, clientSecret, verifySsl, timeout, Optional.empty(), false, DEFAULT_MAX_RESPONSE_MB);
    }

    public LookerSettings withCaFile(java.nio.file.Path file) {
        return new LookerSettings(baseUrl, clientId, clientSecret, verifySsl, timeout, Optional.of(file), requireTls,
                maxResponseMb);
    }

    public LookerSettings withRequireTls(boolean require) {
        return new LookerSettings(baseUrl, clientId, clientSecret, verifySsl, timeout, caFile, require, maxResponseMb);
    }

    public LookerSettings withMaxResponseMb(int mb) {
        return new LookerSettings(baseUrl, clientId, clientSecret, verifySsl, timeout, caFile, requireTls, mb);
    }

    /** Settings for a known instance, e.g. the simulator. */
    /** Whether two instance URLs (as settings hold them, or as runs recorded them) name the same Looker. */
    public static boolean sameInstance(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String url) {
        return url.strip().replaceAll("/+$", "").toLowerCase(java.util.Locale.ROOT);
    }

    public static LookerSettings of(String baseUrl, String clientId, Secret clientSecret, boolean verifySsl,
                                    Duration timeout) {
        return new LookerSettings(Optional.of(baseUrl), Optional.of(clientId), Optional.of(clientSecret), verifySsl,
                timeout);
    }

    /** Throws a ConfigException naming the first missing setting and how to provide it. */
    public LookerSettings requireComplete() {
        if (baseUrl.isEmpty()) {
            throw missing("base_url", "LOOKERSDK_BASE_URL");
        }
        if (requireTls && !baseUrl.get().regionMatches(true, 0, "https://", 0, 8)) {
            throw new ConfigException("base_url", "base_url " + baseUrl.get() + " is not https:// and require_tls is"
                    + " set: credentials and content would cross the network unencrypted; use the https URL");
        }
        if (clientId.isEmpty()) {
            throw missing("client_id", "LOOKERSDK_CLIENT_ID");
        }
        if (clientSecret.isEmpty()) {
            throw missing("client_secret", "LOOKERSDK_CLIENT_SECRET");
        }
        return this;
    }

    private static ConfigException missing(String setting, String env) {
        return new ConfigException(setting, setting + " is not set: set " + env
                + " or put " + setting + " in the [Looker] section of looker.ini (or in lookervault.toml)");
    }
}
