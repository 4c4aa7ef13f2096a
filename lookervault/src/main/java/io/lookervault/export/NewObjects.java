package io.lookervault.export;

import io.lookervault.vault.Hashes;

/**
 * Files without an id: objects a person wrote, most often by copying an exported file. Such an object gets an
 * id made of its path, stable from one import of the tree to the next (so a second restore finds what the
 * first created, through the restore's id map). A copied dashboard also carries its original's parts: their
 * ids are made the new dashboard's own (keeping the tile ↔ layout links), or restore would map the original's
 * tiles, and the alerts on them, to the copy's; and {@link ImportPlan} drops a slug copied from another
 * dashboard, or restore would take the copy for its original (dashboards are matched by slug) and overwrite it.
 * Stateless.
 */
final class NewObjects {
    private NewObjects() {}

    /** The id of the new object in the file at {@code rel}. */
    static String id(String rel) {
        return "new-" + Hashes.sha256(rel).substring(0, 12);
    }
}
