package io.lookervault.job;

/** Whether a run fetches every item (FULL) or only new and changed ones (INCREMENTAL). */
public enum RunMode {
    FULL("full"),
    INCREMENTAL("incremental");

    private final String key;

    RunMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static RunMode fromKey(String key) {
        return "incremental".equals(key) ? INCREMENTAL : FULL;
    }
}
