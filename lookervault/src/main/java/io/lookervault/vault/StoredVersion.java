package io.lookervault.vault;

/**
 * One version of one item: valid from run {@code fromRun} until run {@code toRun} (exclusive; 0 = still current).
 *
 * @param fromStartedAt start time of the run that first stored it
 */
public record StoredVersion(String hash, long fromRun, long toRun, String fromStartedAt, String json) {
    public boolean current() {
        return toRun == 0;
    }
}
