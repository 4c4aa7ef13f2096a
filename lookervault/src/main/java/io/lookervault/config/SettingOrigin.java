package io.lookervault.config;

/** Where a setting's value came from, lowest precedence first. */
public enum SettingOrigin {
    DEFAULT("default"),
    LOOKER_INI("looker.ini"),
    TOML("lookervault.toml"),
    ENV("environment"),
    FLAG("command line");

    private final String label;

    SettingOrigin(String label) {
        this.label = label;
    }

    /** A short human name, as shown by {@code check}. */
    public String label() {
        return label;
    }
}
