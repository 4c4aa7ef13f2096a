package io.lookervault.restore;

import java.util.List;

/**
 * What one restore does. Immutable; its canonical text identifies the run to resume.
 *
 * @param types     backed-up types to restore (empty: all), in plan order
 * @param ids       for {@code single}: the one id (types then holds its type)
 * @param folderIds limit folder-scoped content to these folders (and their subtrees with {@code recursive})
 * @param run       extraction run to restore from (null: newest, or as of {@code asOf})
 * @param workers   parallel writers inside a step, within {@link io.lookervault.job.Workers}
 * @param lookml    what restoring a LookML dashboard does (default: sync its linked copies)
 */
public record RestoreOptions(Command command, List<String> types, List<String> ids, List<String> folderIds,
                             boolean recursive, Long run, String asOf, int workers, boolean dryRun, Lookml lookml) {
    /**
     * What a restore does for a LookML dashboard, whose definition lives in its project's git repository and comes
     * back by deploying the project: {@code SYNC} brings the user-defined copies linked to it (restored with the
     * dashboards) up to date with it, {@code IMPORT} makes a linked copy in each folder where the backup had one
     * (or in {@code intoFolder}) unless one is there, {@code SKIP} leaves them alone.
     */
    public record Lookml(Mode mode, String intoFolder) {
        public static final Lookml DEFAULT = new Lookml(Mode.SYNC, null);

        public enum Mode {
            IMPORT, SYNC, SKIP;

            public String key() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    public RestoreOptions(Command command, List<String> types, List<String> ids, List<String> folderIds, boolean recursive,
                          Long run, String asOf, int workers, boolean dryRun) {
        this(command, types, ids, folderIds, recursive, run, asOf, workers, dryRun, Lookml.DEFAULT);
    }
    /** Which restore command a run belongs to; its key is what the vault records and the vault lock names. */
    public enum Command {
        SINGLE, BULK, RETRY;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RestoreOptions {
        types = types == null ? List.of() : List.copyOf(types);
        ids = ids == null ? List.of() : List.copyOf(ids);
        folderIds = folderIds == null ? List.of() : List.copyOf(folderIds);
        lookml = lookml == null ? Lookml.DEFAULT : lookml;
        io.lookervault.job.Workers.check(workers);
        for (String t : types) {
            if (!RestoreOrder.typeKeys().contains(t) && !(command == Command.RETRY && RestoreOrder.stepNames().contains(t))) {
                throw new IllegalArgumentException("unknown type " + t + "; restorable types: "
                        + String.join(", ", RestoreOrder.typeKeys()));
            }
        }
    }

    public static RestoreOptions single(String type, String id, Long run, String asOf, boolean dryRun) {
        return new RestoreOptions(Command.SINGLE, List.of(type), List.of(id), List.of(), false, run, asOf, 1, dryRun);
    }

    /** These options with another LookML dashboard policy. */
    public RestoreOptions with(Lookml l) {
        return new RestoreOptions(command, types, ids, folderIds, recursive, run, asOf, workers, dryRun, l);
    }

    /** Tries one dead-lettered item again: {@code step} as recorded in the dead-letter queue. */
    public static RestoreOptions retry(String step, String id, long sourceRun) {
        return new RestoreOptions(Command.RETRY, List.of(step), List.of(id), List.of(), false, sourceRun, null, 1, false);
    }

    /** The identity of the plan (not of how fast it runs), for resuming the same restore. */
    String key(long sourceRun) {
        return command.key() + " types=" + types + " ids=" + ids + " folders=" + folderIds + " recursive=" + recursive
                + " run=" + sourceRun;
    }
}
