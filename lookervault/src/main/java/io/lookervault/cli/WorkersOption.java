package io.lookervault.cli;

import io.lookervault.job.Workers;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --workers} flag, shared by every command that runs workers (picocli mixin). */
final class WorkersOption {
    @Option(names = "--workers", paramLabel = "N", description = "Parallel workers, " + Workers.MIN + "-" + Workers.MAX
            + " (default " + Workers.DEFAULT + ").")
    Integer workers;

    /** The flag, or the default when it was not given. */
    int orDefault() {
        return workers == null ? Workers.DEFAULT : workers;
    }

    /** Adds the flag to the setting overrides (flag > LOOKERVAULT_WORKERS > toml > default). */
    void addTo(Map<String, String> flags) {
        flags.put("workers", workers == null ? null : workers.toString());
    }
}
