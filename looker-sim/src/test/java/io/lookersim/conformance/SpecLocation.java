package io.lookersim.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the official Looker spec. The repository does not carry it: CI lays a copy of {@code shared/} beside the
 * clone, so it lives at {@code <project root>/../shared/looker-api/}. System property {@value #PROPERTY} overrides.
 */
public final class SpecLocation {
    public static final String PROPERTY = "lookersim.spec";
    public static final String FULL_SPEC = "Looker.4.0.oas.json";
    public static final String SUBSET_SPEC = "Looker.4.0.backup-subset.oas.json";
    public static final String OPERATIONS_TSV = "looker-4.0-backup-subset-operations.tsv";

    private SpecLocation() {}

    /** The full OAS 3.0 spec file; fails with a message saying where it looked. */
    public static Path fullSpec() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Paths.get(override);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + override + " is not a file");
            }
            return p;
        }
        return sharedFile(FULL_SPEC);
    }

    /** A file of {@code shared/looker-api}: beside the overridden spec, else searched upward from the working dir. */
    public static Path sharedFile(String name) {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank() && Paths.get(override).getParent() != null) {
            Path besideOverride = Paths.get(override).getParent().resolve(name);
            if (Files.isRegularFile(besideOverride)) {
                return besideOverride;
            }
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("looker-api").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Looker spec file " + name + " not found: expected at <project root>/../shared/"
                + "looker-api/" + name + " (searched upward from " + start + "). Lay shared/ beside the clone or pass -D"
                + PROPERTY + "=/path/to/" + FULL_SPEC);
    }
}
