package io.lookervault.vault;

/**
 * One item as {@code list} shows it, read from its current (or, if deleted, last) version.
 *
 * @param folderId    the folder it lives in ({@code parent_id} for a folder), or null
 * @param owner       {@code user_id}, {@code owner_id} or {@code creator_id}, whichever the type has
 * @param sizeBytes   size of the stored document (UTF-8)
 * @param trashed     Looker's own soft-delete flag ({@code deleted: true})
 * @param deletedRun  the run that found it gone from Looker, or 0
 * @param failed      whether its last fetch failed and no later run resolved it
 */
public record StoredItem(String type, String id, String title, String folderId, String owner, String updatedAt,
                         long sizeBytes, boolean trashed, long deletedRun, boolean failed, long lastSeenRun) {
    /** stored, trashed (in Looker's trash), deleted (gone from Looker) or failed (last fetch failed). */
    public String status() {
        if (deletedRun > 0) {
            return "deleted";
        }
        if (failed) {
            return "failed";
        }
        return trashed ? "trashed" : "stored";
    }
}
