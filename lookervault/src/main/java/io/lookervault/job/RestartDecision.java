package io.lookervault.job;

import java.util.Optional;

/**
 * What a job does about an unfinished earlier run: resume it, or abandon it and start a new run.
 *
 * @param resumeRunId the run to continue, if any
 * @param abandonRunId an unfinished run the user chose not to resume ({@code --no-resume})
 */
public record RestartDecision(Optional<Long> resumeRunId, Optional<Long> abandonRunId) {

    /** Resume by default; {@code --no-resume} abandons the unfinished run instead. */
    public static RestartDecision decide(Optional<Long> unfinishedRunId, boolean resume) {
        if (unfinishedRunId.isEmpty()) {
            return new RestartDecision(Optional.empty(), Optional.empty());
        }
        return resume ? new RestartDecision(unfinishedRunId, Optional.empty())
                : new RestartDecision(Optional.empty(), unfinishedRunId);
    }
}
