package io.lookervault.vault;

/** One unit of work handed to the single vault writer. Immutable. */
public sealed interface WriteOp {

    /** Type key of the item or list the op is about. */
    String type();

    /**
     * A fully fetched item.
     *
     * @param json      the document to store, UTF-8 (Looker's object plus LookerVault's extra keys); bytes, so
     *                  that the worker hashes what it serialised and the writer decodes only new content
     * @param hash      {@link Hashes#sha256} of {@code json}, computed by the worker to spread the cost
     * @param updatedAt the list entry's {@code updated_at}, or null
     * @param listFp    fingerprint of the list entry, or null
     * @param deps      what the document embeds from other items as comma-separated {@code id@updated_at}
     *                  (a dashboard's looks; empty when nothing), or null for types that embed nothing
     */
    record Fetched(String type, String id, byte[] json, String hash, String updatedAt, String listFp, String deps)
            implements WriteOp {
        /** An item whose hash is computed here from its UTF-8 document. */
        public static Fetched of(String type, String id, byte[] json, String updatedAt, String listFp,
                                 String deps) {
            return new Fetched(type, id, json, Hashes.sha256(json), updatedAt, listFp, deps);
        }
    }

    /** An item the listing showed unchanged (incremental): observed in this run without a fetch. */
    record Seen(String type, String id) implements WriteOp {}

    /** An item or list page that failed after retries. */
    record Failed(String type, String id, String operation, int status, String message, int attempts)
            implements WriteOp {}

    /** An item that failed before and is no longer listed: deleted at the source, so no longer a failure. */
    record Gone(String type, String id) implements WriteOp {}

    /**
     * Every item of the type is handled. With {@code tombstones}, items of the type not seen in this run
     * (and not failed in it) are recorded as deleted in this run, unless they are more than {@code limit}
     * allows: then none is, a failure says why, and the type ends incomplete.
     *
     * @param limit how many deletions one listing may record, or null for any number
     */
    record TypeDone(String type, boolean complete, boolean tombstones, DeletionLimit limit) implements WriteOp {
        public TypeDone(String type, boolean complete, boolean tombstones) {
            this(type, complete, tombstones, null);
        }
    }

    /**
     * The mass-deletion guard: a listing that would mark more than {@code percent} % of a type's stored items
     * deleted, and at least {@code minItems} of them, is taken for a wrong listing (a short total, an empty
     * answer, an API user that lost permissions) rather than a real mass deletion.
     */
    record DeletionLimit(int percent, int minItems) {
        public static final DeletionLimit DEFAULT = new DeletionLimit(20, 10);

        /** Whether deleting {@code deleting} of {@code live} stored items passes the limit. */
        public boolean exceeded(long deleting, long live) {
            return deleting >= minItems && deleting * 100 > live * percent;
        }
    }
}
