package io.lookervault.config;

import io.lookervault.job.Workers;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the effective {@link AppConfig}: built-in defaults &lt; looker.ini {@code [Looker]} &lt;
 * lookervault.toml &lt; environment &lt; flags. Each value is validated; an invalid one is a
 * {@link ConfigException} naming the setting and its source. Stateless and thread-safe.
 *
 * <p>Environment: {@code LOOKERSDK_BASE_URL}, {@code LOOKERSDK_CLIENT_ID}, {@code LOOKERSDK_CLIENT_SECRET},
 * {@code LOOKERSDK_VERIFY_SSL}, {@code LOOKERSDK_TIMEOUT} (as every official Looker SDK reads them) and
 * {@code LOOKERVAULT_<SETTING>} for the rest, e.g. {@code LOOKERVAULT_WORKERS}. Flags are a map keyed by
 * {@link Setting#key()}; the client secret is refused there because command lines show up in {@code ps}.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static AppConfig load(ConfigSources sources) {
        Map<Setting, RawValue> raw = layer(sources);
        LookerSettings looker = new LookerSettings(
                optional(raw, Setting.BASE_URL).map(v -> baseUrl(v)),
                optional(raw, Setting.CLIENT_ID).map(RawValue::text),
                optional(raw, Setting.CLIENT_SECRET).map(v -> Secret.of(v.text())),
                bool(raw, Setting.VERIFY_SSL),
                duration(raw, Setting.TIMEOUT),
                optional(raw, Setting.CA_FILE).map(v -> caFile(sources.workingDir(), v)),
                bool(raw, Setting.REQUIRE_TLS),
                integer(raw, Setting.MAX_RESPONSE_MB, 1, 4096));
        ResilienceSettings defaults = ResilienceSettings.defaults();
        boolean auto = isAuto(raw.get(Setting.RATE_LIMIT_PER_SECOND));
        ResilienceSettings resilience = new ResilienceSettings(
                auto ? 0 : rate(raw, Setting.RATE_LIMIT_PER_SECOND),
                integer(raw, Setting.RATE_LIMIT_PER_MINUTE, 0, 6_000_000),
                integer(raw, Setting.MAX_RETRIES, 0, 20),
                defaults.initialBackoff(), defaults.maxBackoff(), auto,
                duration(raw, Setting.MAX_RETRY_AFTER), 0);
        ExtractSettings extract = new ExtractSettings(
                integer(raw, Setting.WORKERS, Workers.MIN, Workers.MAX),
                integer(raw, Setting.BATCH_SIZE, 1, ExtractSettings.MAX_BATCH_SIZE));
        Path db = sources.workingDir().resolve(raw.get(Setting.DB).text());
        SnapshotSettings snapshot = new SnapshotSettings(optional(raw, Setting.SNAPSHOT_URL).map(RawValue::text),
                optional(raw, Setting.SNAPSHOT_ENDPOINT).map(RawValue::text), raw.get(Setting.SNAPSHOT_REGION).text(),
                bool(raw, Setting.SNAPSHOT_PATH_STYLE), bool(raw, Setting.SNAPSHOT_ENCRYPT));
        return new AppConfig(looker, resilience, extract, db, provenance(raw), snapshot);
    }

    private static Map<Setting, RawValue> layer(ConfigSources sources) {
        Map<Setting, RawValue> raw = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            s.defaultValue().ifPresent(v -> raw.put(s, new RawValue(v, SettingOrigin.DEFAULT, "")));
        }
        sources.lookerIni().ifPresent(f -> raw.putAll(ConfigFiles.readLookerIni(f)));
        sources.toml().ifPresent(f -> raw.putAll(ConfigFiles.readToml(f)));
        for (Setting s : Setting.values()) {
            String v = sources.env().get(s.envVar());
            if (v != null && !v.isBlank()) {
                raw.put(s, new RawValue(v.strip(), SettingOrigin.ENV, s.envVar()));
            }
        }
        sources.flags().forEach((key, value) -> {
            Setting s = Setting.fromKey(key)
                    .orElseThrow(() -> new IllegalArgumentException("no setting named " + key));
            if (s.isSecret()) {
                throw new ConfigException(s.key(), s.key() + " cannot be given on the command line (it would show"
                        + " in ps and shell history): use " + s.envVar() + " or looker.ini");
            }
            raw.put(s, new RawValue(value.strip(), SettingOrigin.FLAG, "--" + s.key().replace('_', '-')));
        });
        return raw;
    }

    private static List<SettingValue> provenance(Map<Setting, RawValue> raw) {
        List<SettingValue> out = new ArrayList<>();
        for (Setting s : Setting.values()) {
            RawValue v = raw.get(s);
            String display = v == null ? "unset" : s.isSecret() ? "set"
                    : s == Setting.BASE_URL ? stripUserInfo(v.text()) : v.text();
            out.add(new SettingValue(s.key(), display, v == null ? SettingOrigin.DEFAULT : v.source(),
                    v == null ? "" : v.origin()));
        }
        return out;
    }

    private static Optional<RawValue> optional(Map<Setting, RawValue> raw, Setting s) {
        return Optional.ofNullable(raw.get(s)).filter(v -> !v.text().isEmpty());
    }

    private static Path caFile(Path dir, RawValue v) {
        Path p = dir.resolve(v.text().strip());
        if (!java.nio.file.Files.isReadable(p)) {
            throw invalid(Setting.CA_FILE, v, "must be a readable PEM file of CA certificates");
        }
        return p;
    }

    /**
     * The instance URL without a trailing slash, {@code /api/4.0} or user info: Looker logs in with client_id
     * and secret, never with {@code user:password@} in the URL, and the URL is shown in errors and stored in
     * the vault's runs, where such a password must never appear.
     */
    static String baseUrl(RawValue v) {
        String url = stripUserInfo(v.text().strip());
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/4.0")) {
            url = url.substring(0, url.length() - "/api/4.0".length());
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw invalid(Setting.BASE_URL, v, "must be an http(s) URL such as https://acme.cloud.looker.com");
            }
        } catch (URISyntaxException e) {
            throw invalid(Setting.BASE_URL, v, "must be an http(s) URL such as https://acme.cloud.looker.com");
        }
        return url;
    }

    private static String stripUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, hostStart);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        return at >= hostStart ? url.substring(0, hostStart) + url.substring(at + 1) : url;
    }

    private static boolean bool(Map<Setting, RawValue> raw, Setting s) {
        RawValue v = raw.get(s);
        switch (v.text().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw invalid(s, v, "must be true or false");
        }
    }

    /** Whole seconds (the Looker SDK convention), or a number with an ms/s/m suffix. */
    private static Duration duration(Map<Setting, RawValue> raw, Setting s) {
        RawValue v = raw.get(s);
        String t = v.text().toLowerCase(java.util.Locale.ROOT).strip();
        Duration d;
        try {
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (NumberFormatException e) {
            throw invalid(s, v, "must be a number of seconds (e.g. 120), or use a unit: 500ms, 30s, 2m");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
            throw invalid(s, v, "must be more than 0 and at most 1 hour");
        }
        return d;
    }

    private static int integer(Map<Setting, RawValue> raw, Setting s, int min, int max) {
        RawValue v = raw.get(s);
        try {
            int n = Integer.parseInt(v.text().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw invalid(s, v, "must be a whole number from " + min + " to " + max);
    }

    private static boolean isAuto(RawValue v) {
        return v.text().strip().equalsIgnoreCase("auto");
    }

    /** {@code auto} is decided before; here a ceiling from 0.01 to 100,000 per second, or 0 for none. */
    private static double rate(Map<Setting, RawValue> raw, Setting s) {
        RawValue v = raw.get(s);
        try {
            double n = Double.parseDouble(v.text().strip());
            if (n == 0 || (n >= 0.01 && n <= 100_000)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw invalid(s, v, "must be auto (discover what Looker can take), a ceiling from 0.01 to 100000"
                + " requests per second, or 0 for none");
    }

    private static ConfigException invalid(Setting s, RawValue v, String rule) {
        String shown = s.isSecret() ? "" : " '" + (s == Setting.BASE_URL ? stripUserInfo(v.text()) : v.text()) + "'";
        return new ConfigException(s.key(), "invalid " + s.key() + shown + " from " + v.describe() + ": " + rule);
    }
}
