package io.lookersim.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the official Looker spec, vendored in the repository at {@code <project root>/spec/looker-api/} (see the
 * README there for its source and licence). System property {@value #PROPERTY} overrides.
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

    /** The simulator's bundled copy of the backup subset (its runtime routing table), as a location for parsers. */
    public static String subsetSpec() {
        java.net.URL url = SpecLocation.class.getResource("/io/lookersim/spec/" + SUBSET_SPEC);
        if (url == null) {
            throw new IllegalStateException(SUBSET_SPEC + " missing from the simulator's resources");
        }
        return url.toString();
    }

    /** A file of {@code spec/looker-api}: beside the overridden spec, else searched upward from the working dir. */
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
            Path candidate = dir.resolve("spec").resolve("looker-api").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Looker spec file " + name + " not found: expected at <project root>/spec/"
                + "looker-api/" + name + " (searched upward from " + start + "). Run the tests from the project, or pass -D"
                + PROPERTY + "=/path/to/" + FULL_SPEC);
    }
}
