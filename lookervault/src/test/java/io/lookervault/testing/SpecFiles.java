package io.lookervault.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the official Looker spec vendored in the repository at {@code spec/looker-api/}. */
public final class SpecFiles {
    private static final String SPEC = "spec/looker-api/Looker.4.0.oas.json";

    private SpecFiles() {}

    /**
     * The official OAS spec: {@code -Dlookervault.spec=FILE}, else {@code spec/looker-api/Looker.4.0.oas.json}
     * in the nearest ancestor of the working directory that has one (the project root).
     */
    public static Path lookerSpec() {
        String override = System.getProperty("lookervault.spec");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SPEC);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(SPEC + " not found in the project; pass -Dlookervault.spec=/path/to/Looker.4.0.oas.json");
    }
}
