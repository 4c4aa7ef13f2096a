package io.lookervault.extract;

import io.lookervault.job.RunMode;
import io.lookervault.looker.ContentType;
import java.util.List;

/**
 * What one extraction does. Immutable; stored with the run (as JSON) so that a resumed run continues the
 * same plan.
 *
 * @param types          the content types to back up, in catalogue order
 * @param workers        parallel fetch workers, within {@link io.lookervault.job.Workers}
 * @param batchSize      list page size ({@code limit})
 * @param folderIds      limit folder-scoped types to these folders (empty: everything)
 * @param recursive      with {@code folderIds}: include their whole subtrees
 * @param includeDeleted also back up trashed dashboards and looks
 * @param mode           full or incremental
 */
public record ExtractOptions(List<ContentType> types, int workers, int batchSize, List<String> folderIds,
                             boolean recursive, boolean includeDeleted, RunMode mode) {
    public static final int DEFAULT_BATCH_SIZE = 100;

    public ExtractOptions {
        types = types == null || types.isEmpty() ? List.of(ContentType.values())
                : types.stream().distinct().sorted().toList();
        folderIds = folderIds == null ? List.of() : List.copyOf(folderIds);
        io.lookervault.job.Workers.check(workers);
        if (batchSize < 1 || batchSize > io.lookervault.config.ExtractSettings.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size must be between 1 and " + io.lookervault.config.ExtractSettings.MAX_BATCH_SIZE + ", got " + batchSize);
        }
        if (mode == null) {
            mode = RunMode.FULL;
        }
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(List.of(), io.lookervault.job.Workers.DEFAULT, DEFAULT_BATCH_SIZE, List.of(), false, false,
                RunMode.FULL);
    }

    public ExtractOptions withWorkers(int n) {
        return new ExtractOptions(types, n, batchSize, folderIds, recursive, includeDeleted, mode);
    }

    public ExtractOptions withMode(RunMode m) {
        return new ExtractOptions(types, workers, batchSize, folderIds, recursive, includeDeleted, m);
    }

    public ExtractOptions withTypes(List<ContentType> t) {
        return new ExtractOptions(t, workers, batchSize, folderIds, recursive, includeDeleted, mode);
    }

    /** A scoped run sees only part of the source, so it must not record anything as deleted. */
    boolean scoped(ContentType type) {
        return type.folderScoped() && !folderIds.isEmpty();
    }
}
