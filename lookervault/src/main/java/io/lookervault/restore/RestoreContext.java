package io.lookervault.restore;

import io.lookervault.looker.LookerApi;
import io.lookervault.vault.RestoreStore;
import java.util.Map;

/**
 * What one restore run shares, as named parts: the backed-up source, the destination (writes behind the
 * dry-run guard), what the run learned about the destination, and the id translation. Thread-safe: every
 * part is.
 */
final class RestoreContext {
    final BackupSnapshot source;
    final DestinationWriter dest;
    final DestinationFacts facts;
    final IdMap ids;
    final String destUrl;
    final boolean sameInstance;
    final boolean dryRun;
    final long restoreId;
    final WriteFields write = WriteFields.get();
    final RestoreOptions.Lookml lookml;

    RestoreContext(LookerApi api, BackupSnapshot source, RestoreStore store, String destUrl, boolean dryRun, long restoreId,
                   Map<String, TypeRestorer> restorers) {
        this(api, source, store, destUrl, dryRun, restoreId, restorers, RestoreOptions.Lookml.DEFAULT);
    }

    RestoreContext(LookerApi api, BackupSnapshot source, RestoreStore store, String destUrl, boolean dryRun, long restoreId,
                   Map<String, TypeRestorer> restorers, RestoreOptions.Lookml lookml) {
        this.lookml = lookml;
        this.source = source;
        this.destUrl = destUrl;
        this.sameInstance = io.lookervault.config.LookerSettings.sameInstance(destUrl, source.url());
        this.dryRun = dryRun;
        this.restoreId = restoreId;
        this.dest = new DestinationWriter(api, dryRun);
        this.facts = new DestinationFacts(dest);
        this.ids = new IdMap(this, store, restorers);
    }
}
