package io.lookervault.vault;

import java.util.Set;

/**
 * Filters of {@code list}. Immutable.
 *
 * @param folderIds    only items in these folders (for folders: whose parent is one of them); null = any
 * @param owners       only items whose owner id is one of these; null = any
 * @param deletedOnly  only items gone from Looker or in its trash (default: everything not gone)
 * @param changedSince ISO date/time: only items whose current version was stored by a run started then or later,
 *                     or whose {@code updated_at} is then or later; null = any
 * @param search       case-insensitive substring of the title/name, or the exact id; null = any
 */
public record ItemQuery(String type, Set<String> folderIds, Set<String> owners, boolean deletedOnly,
                        String changedSince, String search, int limit, long offset) {
    public ItemQuery {
        folderIds = folderIds == null ? null : Set.copyOf(folderIds);
        owners = owners == null ? null : Set.copyOf(owners);
    }

    public static ItemQuery all(String type) {
        return new ItemQuery(type, null, null, false, null, null, Integer.MAX_VALUE, 0);
    }
}
