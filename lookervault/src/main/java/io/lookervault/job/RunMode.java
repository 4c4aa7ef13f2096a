package io.lookervault.job;

/**
 * Whether a run fetches every item (FULL) or only new and changed ones (INCREMENTAL), or read its items from an
 * exported file tree (IMPORT) instead of from Looker.
 */
public enum RunMode {
    FULL("full"),
    INCREMENTAL("incremental"),
    IMPORT("import");

    private final String key;

    RunMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static RunMode fromKey(String key) {
        for (RunMode m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return FULL;
    }
}
