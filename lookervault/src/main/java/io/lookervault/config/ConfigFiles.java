package io.lookervault.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Readers for the two configuration file formats. */
final class ConfigFiles {
    /** Tables a lookervault.toml may group its keys in; the key inside names the setting. */
    private static final Set<String> TOML_TABLES = Set.of("looker", "vault", "extract", "resilience", "snapshot");

    private ConfigFiles() {}

    /**
     * Reads the {@code [Looker]} section of a Looker SDK ini file (keys base_url, client_id,
     * client_secret, verify_ssl, timeout; others such as api_version are ignored, as the SDKs do).
     */
    static Map<Setting, RawValue> readLookerIni(Path file) {
        List<String> lines = readLines(file);
        Map<Setting, RawValue> out = new EnumMap<>(Setting.class);
        boolean inLooker = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inLooker = line.substring(1, line.length() - 1).strip().equalsIgnoreCase("Looker");
                continue;
            }
            int eq = separator(line);
            if (!inLooker || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            Setting.fromKey(key).filter(Setting::inLookerIni).filter(s -> !value.isEmpty())
                    .ifPresent(s -> out.put(s, new RawValue(value, SettingOrigin.LOOKER_INI, file.toString())));
        }
        return out;
    }

    /** Reads lookervault.toml: setting names at top level or inside [looker]/[vault]/[extract]/[resilience]. */
    static Map<Setting, RawValue> readToml(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + file + ": " + firstLine(e.getMessage())
                    + " (expected TOML: key = value lines, optionally under [looker], [extract], [resilience], [snapshot])");
        }
        Map<Setting, RawValue> out = new EnumMap<>(Setting.class);
        if (root != null) {
            collect(file, root, "", out);
        }
        return out;
    }

    private static void collect(Path file, JsonNode node, String table, Map<Setting, RawValue> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && table.isEmpty() && TOML_TABLES.contains(e.getKey())) {
                collect(file, e.getValue(), e.getKey(), out);
                continue;
            }
            String where = table.isEmpty() ? e.getKey() : table + "." + e.getKey();
            Setting s = Setting.fromKey(e.getKey()).orElseThrow(() -> new ConfigException(e.getKey(),
                    "unknown setting '" + where + "' in " + file + "; known settings: " + knownKeys()));
            if (!e.getValue().isValueNode()) {
                throw new ConfigException(s.key(), "setting '" + where + "' in " + file + " must be a plain value");
            }
            out.put(s, new RawValue(e.getValue().asText(), SettingOrigin.TOML, file.toString()));
        }
    }

    private static String knownKeys() {
        StringBuilder b = new StringBuilder();
        for (Setting s : Setting.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.key());
        }
        return b.toString();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(null, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
