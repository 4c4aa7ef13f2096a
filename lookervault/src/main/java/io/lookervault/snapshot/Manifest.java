package io.lookervault.snapshot;

import java.util.List;

/**
 * One snapshot, stored as {@code snapshots/<id>}: when, from which vault state, and the SHA-256 of everything
 * it needs (every document hash, and the hash of the tables file), so a pull can prove what it rebuilt.
 *
 * @param tablesKey    the object holding the vault's other tables (a SQLite file without documents)
 * @param tablesSha256 SHA-256 of that file after decryption and decompression
 * @param vaultBytes   size of the vault's consistent copy
 * @param newBytes     bytes this push uploaded (packs, index, tables, manifest)
 * @param documents    hashes of every stored document, sorted
 */
public record Manifest(String id, String time, String toolVersion, long runs, long lastRun, String lastStatus,
                       long items, long documentCount, long vaultBytes, String tablesKey, String tablesSha256,
                       long newBytes, long newObjects, List<String> documents) {
    public Manifest {
        documents = List.copyOf(documents);
    }
}
