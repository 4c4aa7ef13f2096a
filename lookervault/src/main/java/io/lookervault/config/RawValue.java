package io.lookervault.config;

/** A setting's text before parsing, with where it came from (package-private plumbing of the loader). */
record RawValue(String text, SettingOrigin source, String origin) {

    /** "environment (LOOKERVAULT_WORKERS)" — how error messages name the source. */
    String describe() {
        return origin.isEmpty() ? source.label() : source.label() + " (" + origin + ")";
    }
}
