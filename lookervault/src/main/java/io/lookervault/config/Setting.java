package io.lookervault.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting LookerVault reads, with its canonical name (used in lookervault.toml and as the key of
 * flag overrides), its environment variable, and its built-in default.
 */
public enum Setting {
    BASE_URL("base_url", "LOOKERSDK_BASE_URL", null, true),
    CLIENT_ID("client_id", "LOOKERSDK_CLIENT_ID", null, true),
    CLIENT_SECRET("client_secret", "LOOKERSDK_CLIENT_SECRET", null, true),
    VERIFY_SSL("verify_ssl", "LOOKERSDK_VERIFY_SSL", "true", true),
    TIMEOUT("timeout", "LOOKERSDK_TIMEOUT", "120", true),
    CA_FILE("ca_file", "LOOKERSDK_CA_FILE", null, true),
    REQUIRE_TLS("require_tls", "LOOKERVAULT_REQUIRE_TLS", "false", false),
    MAX_RESPONSE_MB("max_response_mb", "LOOKERVAULT_MAX_RESPONSE_MB", "64", false),
    DB("db", "LOOKERVAULT_DB", "looker.db", false),
    WORKERS("workers", "LOOKERVAULT_WORKERS", String.valueOf(io.lookervault.job.Workers.DEFAULT), false),
    BATCH_SIZE("batch_size", "LOOKERVAULT_BATCH_SIZE", "100", false),
    RATE_LIMIT_PER_SECOND("rate_limit_per_second", "LOOKERVAULT_RATE_LIMIT_PER_SECOND", "auto", false),
    RATE_LIMIT_PER_MINUTE("rate_limit_per_minute", "LOOKERVAULT_RATE_LIMIT_PER_MINUTE", "0", false),
    MAX_RETRIES("max_retries", "LOOKERVAULT_MAX_RETRIES", "5", false),
    MAX_RETRY_AFTER("max_retry_after", "LOOKERVAULT_MAX_RETRY_AFTER", "300", false),
    SNAPSHOT_URL("snapshot_url", "LOOKERVAULT_SNAPSHOT_URL", null, false),
    SNAPSHOT_ENDPOINT("snapshot_endpoint", "LOOKERVAULT_SNAPSHOT_ENDPOINT", null, false),
    SNAPSHOT_REGION("snapshot_region", "LOOKERVAULT_SNAPSHOT_REGION", "us-east-1", false),
    SNAPSHOT_PATH_STYLE("snapshot_path_style", "LOOKERVAULT_SNAPSHOT_PATH_STYLE", "false", false),
    SNAPSHOT_ENCRYPT("snapshot_encrypt", "LOOKERVAULT_SNAPSHOT_ENCRYPT", "false", false);

    private final String key;
    private final String envVar;
    private final String defaultValue;
    private final boolean inLookerIni;

    Setting(String key, String envVar, String defaultValue, boolean inLookerIni) {
        this.key = key;
        this.envVar = envVar;
        this.defaultValue = defaultValue;
        this.inLookerIni = inLookerIni;
    }

    /** The canonical name, e.g. {@code rate_limit_per_second}. */
    public String key() {
        return key;
    }

    public String envVar() {
        return envVar;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the Looker SDK's looker.ini {@code [Looker]} section carries it. */
    public boolean inLookerIni() {
        return inLookerIni;
    }

    /** Secrets are shown only as set/unset and never accepted from command-line flags. */
    public boolean isSecret() {
        return this == CLIENT_SECRET;
    }

    public static Optional<Setting> fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
