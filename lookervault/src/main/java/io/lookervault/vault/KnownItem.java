package io.lookervault.vault;

/**
 * What the vault holds about one item now: enough for a run to decide whether to fetch it.
 *
 * @param hash        hash of the current (or last, if deleted) version
 * @param updatedAt   the item's {@code updated_at} as last listed, or null
 * @param listFp      fingerprint of the item's last list entry, or null
 * @param lastSeenRun the last run that committed this item
 * @param deleted     whether the item is tombstoned
 * @param deps        what the stored document embeds from other items ({@link WriteOp.Fetched#deps}), or null
 *                    when not known
 */
public record KnownItem(String hash, String updatedAt, String listFp, long lastSeenRun, boolean deleted,
                        String deps) {}
