package io.lookervault.vault;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one import writes as a new run (see {@link Vault#importRun}). The items are handed over one by one
 * inside the run's transaction, so a tree of any size streams through; what depends on all of them (types,
 * options) is asked for afterwards. An exception from {@link #items} rolls the whole run back. Not thread-safe.
 */
public interface ImportSource {
    /** The Looker the items came from (the export manifest's source URL). */
    String baseUrl();

    /**
     * Hands every item to {@code sink}. It may read the vault meanwhile ({@link Vault#json}, {@link Vault#known}
     * on the same thread): it sees the state before the import.
     */
    void items(Consumer<WriteOp.Fetched> sink);

    /** Every type the import covers, after {@link #items}: each gets its checkpoint, so the run is finished. */
    List<String> types();

    /** Types the import holds whole, after {@link #items}: their items it did not hand over are deleted. */
    Set<String> wholeTypes();

    /** The run's options as JSON, after {@link #items}. */
    String optionsJson();
}
