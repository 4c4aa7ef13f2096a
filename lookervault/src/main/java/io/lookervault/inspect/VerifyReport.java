package io.lookervault.inspect;

import java.util.List;

/**
 * What {@code verify} found. Immutable.
 *
 * @param checks  every check that ran, in order, each with its problems (none = passed)
 * @param source  per-type comparison with Looker, or empty without {@code --against-source}
 */
public record VerifyReport(String vault, int schemaVersion, int runs, long lastRun, String lastRunStatus,
                           long documentsChecked, List<Check> checks, List<SourceDiff> source) {
    public VerifyReport {
        checks = List.copyOf(checks);
        source = List.copyOf(source);
    }

    /** One named check and the problems it found. */
    public record Check(String name, String description, List<String> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /**
     * One type compared with Looker.
     *
     * @param missing ids Looker lists that the vault does not hold
     * @param extra   ids the vault holds as present that Looker no longer lists
     * @param note    why the type was not compared, or empty
     */
    public record SourceDiff(String type, long inVault, long atSource, List<String> missing, List<String> extra,
                             String note) {
        public SourceDiff {
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
        }
    }

    public boolean sound() {
        return checks.stream().allMatch(Check::passed)
                && source.stream().allMatch(s -> s.missing().isEmpty() && s.extra().isEmpty());
    }

    public long problemCount() {
        return checks.stream().mapToLong(c -> c.problems().size()).sum()
                + source.stream().mapToLong(s -> s.missing().size() + s.extra().size()).sum();
    }
}
