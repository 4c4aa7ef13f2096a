package io.lookervault.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files in the team's {@code shared/} folder, which sits beside the project root. */
public final class SharedFiles {
    private SharedFiles() {}

    /**
     * The official OAS spec: {@code -Dlookervault.spec=FILE}, else {@code shared/looker-api/Looker.4.0.oas.json}
     * in the nearest ancestor of the working directory that has one.
     */
    public static Path lookerSpec() {
        String override = System.getProperty("lookervault.spec");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/looker-api/Looker.4.0.oas.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/looker-api/Looker.4.0.oas.json not found beside the project;"
                + " pass -Dlookervault.spec=/path/to/Looker.4.0.oas.json");
    }
}
