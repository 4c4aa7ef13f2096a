package io.lookervault.config;

/**
 * An invalid or missing setting: a usage error (exit code 2). The message names the setting and where
 * its value came from, and says what to do; it never contains a secret's value.
 */
public class ConfigException extends RuntimeException {
    private final String setting;

    public ConfigException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public ConfigException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting's canonical name (e.g. {@code workers}), or null when the problem is a whole file. */
    public String setting() {
        return setting;
    }
}
