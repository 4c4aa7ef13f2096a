package io.lookervault.config;

/**
 * The effective value of one setting and where it came from, for {@code check}.
 *
 * @param name    canonical setting name, e.g. {@code base_url}
 * @param display the value as shown to a user: secrets are only "set" or "unset"
 * @param source  where the value came from
 * @param origin  the file or variable that supplied it (e.g. {@code LOOKERSDK_BASE_URL}), empty for defaults
 */
public record SettingValue(String name, String display, SettingOrigin source, String origin) {}
