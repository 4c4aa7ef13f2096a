package io.lookervault.job;

import java.util.Arrays;

/**
 * The state of a run, ordered from best to worst so that the status of a run made of parts is the worst
 * of its parts (as in Spring Batch). RUNNING, INTERRUPTED and FAILED runs are resumable; the others are
 * finished.
 */
public enum RunStatus {
    COMPLETED("completed", false),
    COMPLETED_WITH_FAILURES("completed_with_failures", false),
    ABANDONED("abandoned", false),
    RUNNING("running", true),
    INTERRUPTED("interrupted", true),
    FAILED("failed", true);

    private final String key;
    private final boolean resumable;

    RunStatus(String key, boolean resumable) {
        this.key = key;
        this.resumable = resumable;
    }

    public String key() {
        return key;
    }

    public boolean resumable() {
        return resumable;
    }

    public RunStatus worst(RunStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public static RunStatus fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status " + key));
    }
}
