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
    /** Write-only values (passwords, client secrets) for the objects that need them; never stored or printed. */
    final SecretsFile secrets;
    /** {@code --enable-auth}: SAML/OIDC/LDAP enabled at the source are enabled at the destination too. */
    final boolean enableAuth;
    /** Sends an item's independent parts at the same time, beside the run's workers; closed by the job. */
    final ItemParts parts;
    /** The session's dev workspace, entered by project writes (see {@link DevWindow}). */
    final DevWindow devWindow;

    private final RestoreStore store;

    RestoreContext(LookerApi api, BackupSnapshot source, RestoreStore store, String destUrl, boolean dryRun, long restoreId,
                   Map<String, TypeRestorer> restorers, RestoreOptions.Lookml lookml, SecretsFile secrets,
                   boolean enableAuth, int workers) {
        this.lookml = lookml;
        this.store = store;
        this.source = source;
        this.secrets = secrets;
        this.enableAuth = enableAuth;
        this.destUrl = destUrl;
        this.sameInstance = io.lookervault.config.LookerSettings.sameInstance(destUrl, source.url());
        this.dryRun = dryRun;
        this.restoreId = restoreId;
        this.dest = new DestinationWriter(api, dryRun);
        this.parts = new ItemParts(workers, dest);
        this.devWindow = new DevWindow(dest);
        this.facts = new DestinationFacts(dest);
        this.ids = new IdMap(this, store, restorers);
    }

    /**
     * What this run knows about the flagless secrets of the destination object {@code destKey} of {@code type}
     * (see {@link SecretNeeds.Flagless}).
     */
    SecretNeeds.Flagless flagless(String type, String destKey, boolean written) {
        return new SecretNeeds.Flagless(written, sameInstance, store.secretsSent(destUrl, type, destKey));
    }
}
