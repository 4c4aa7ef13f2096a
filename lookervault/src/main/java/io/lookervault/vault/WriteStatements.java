package io.lookervault.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The writer's prepared statements, reused for every op (no per-item statement parsing). Not thread-safe. */
final class WriteStatements implements AutoCloseable {
    private final long run;
    private final PreparedStatement insertBlob;
    private final PreparedStatement findItem;
    private final PreparedStatement insertItem;
    private final PreparedStatement touchItem;
    private final PreparedStatement replaceItem;
    private final PreparedStatement closeVersion;
    private final PreparedStatement insertVersion;
    private final PreparedStatement seen;
    private final PreparedStatement failure;
    private final PreparedStatement resolve;
    private final PreparedStatement tombstoneVersions;
    private final PreparedStatement tombstoneItems;
    private final PreparedStatement checkpoint;
    private final PreparedStatement resolveLists;
    private final PreparedStatement countUnseen;
    private final PreparedStatement countLive;

    WriteStatements(Connection c, long run) throws SQLException {
        this.run = run;
        c.setAutoCommit(false);
        // the document arrives as UTF-8 bytes; CAST(blob AS TEXT) stores them as the TEXT they are (the vault's
        // encoding is UTF-8) without decoding them into a Java String that the driver would encode right back:
        // that round trip was about a tenth of an extraction's CPU
        insertBlob = c.prepareStatement("INSERT OR IGNORE INTO blobs(hash, json) VALUES (?, CAST(? AS TEXT))");
        findItem = c.prepareStatement("SELECT hash, deleted_run, last_seen_run FROM items WHERE type=? AND id=?");
        insertItem = c.prepareStatement("INSERT INTO items(type, id, hash, updated_at, list_fp, deps,"
                + " last_seen_run) VALUES (?, ?, ?, ?, ?, ?, " + run + ")");
        touchItem = c.prepareStatement("UPDATE items SET updated_at=?, list_fp=?, deps=?, last_seen_run=" + run
                + " WHERE type=? AND id=?");
        replaceItem = c.prepareStatement("UPDATE items SET hash=?, updated_at=?, list_fp=?, deps=?, last_seen_run="
                + run + ", deleted_run=NULL WHERE type=? AND id=?");
        closeVersion = c.prepareStatement("UPDATE versions SET to_run=" + run
                + " WHERE type=? AND id=? AND to_run IS NULL");
        insertVersion = c.prepareStatement("INSERT OR REPLACE INTO versions(type, id, hash, from_run, to_run)"
                + " VALUES (?, ?, ?, " + run + ", NULL)");
        seen = c.prepareStatement("UPDATE items SET last_seen_run=" + run
                + " WHERE type=? AND id=? AND deleted_run IS NULL");
        failure = c.prepareStatement("INSERT INTO failures(run_id, type, id, operation, status, message, attempts)"
                + " VALUES (" + run + ", ?, ?, ?, ?, ?, ?) ON CONFLICT(run_id, type, id, operation) DO UPDATE SET"
                + " status=excluded.status, message=excluded.message, attempts=attempts+excluded.attempts,"
                + " resolved_run=NULL");
        resolve = c.prepareStatement("UPDATE failures SET resolved_run=" + run
                + " WHERE type=? AND id=? AND resolved_run IS NULL");
        String unseen = " type=? AND deleted_run IS NULL AND last_seen_run<" + run
                + " AND id NOT IN (SELECT id FROM failures WHERE run_id=" + run
                + " AND type=? AND operation<>'list' AND resolved_run IS NULL)";
        tombstoneVersions = c.prepareStatement("UPDATE versions SET to_run=" + run + " WHERE to_run IS NULL AND"
                + " type=? AND id IN (SELECT id FROM items WHERE" + unseen + ")");
        tombstoneItems = c.prepareStatement("UPDATE items SET deleted_run=" + run + " WHERE" + unseen);
        countUnseen = c.prepareStatement("SELECT COUNT(*) FROM items WHERE" + unseen);
        countLive = c.prepareStatement("SELECT COUNT(*) FROM items WHERE type=? AND deleted_run IS NULL");
        checkpoint = c.prepareStatement("INSERT OR REPLACE INTO checkpoints(run_id, type, state, complete)"
                + " VALUES (" + run + ", ?, 'done', ?)");
        resolveLists = c.prepareStatement("UPDATE failures SET resolved_run=" + run
                + " WHERE type=? AND operation='list' AND resolved_run IS NULL");
    }

    /** Applies one op inside the caller's transaction; returns the number of items it committed. */
    long apply(WriteOp op) throws SQLException {
        if (op instanceof WriteOp.Fetched f) {
            fetched(f);
            resolve(f.type(), f.id());
            return 1;
        } else if (op instanceof WriteOp.Seen s) {
            seen.setString(1, s.type());
            seen.setString(2, s.id());
            seen.executeUpdate();
            resolve(s.type(), s.id());
            return 1;
        } else if (op instanceof WriteOp.Failed f) {
            failure.setString(1, f.type());
            failure.setString(2, f.id());
            failure.setString(3, f.operation());
            failure.setInt(4, f.status());
            failure.setString(5, f.message());
            failure.setInt(6, f.attempts());
            failure.executeUpdate();
            return 0;
        } else if (op instanceof WriteOp.Gone g) {
            resolve(g.type(), g.id());
        } else if (op instanceof WriteOp.TypeDone d) {
            typeDone(d);
        }
        return 0;
    }

    /** A new version's document; an unchanged item's is neither decoded nor looked up in blobs. */
    private void storeBlob(WriteOp.Fetched f) throws SQLException {
        insertBlob.setString(1, f.hash());
        insertBlob.setBytes(2, f.json());
        insertBlob.executeUpdate();
    }

    private void fetched(WriteOp.Fetched f) throws SQLException {
        findItem.setString(1, f.type());
        findItem.setString(2, f.id());
        String oldHash = null;
        boolean exists = false;
        boolean deleted = false;
        try (ResultSet rs = findItem.executeQuery()) {
            if (rs.next()) {
                exists = true;
                oldHash = rs.getString(1);
                rs.getLong(2);
                deleted = !rs.wasNull();
            }
        }
        if (!exists) {
            storeBlob(f);
            insertItem.setString(1, f.type());
            insertItem.setString(2, f.id());
            insertItem.setString(3, f.hash());
            insertItem.setString(4, f.updatedAt());
            insertItem.setString(5, f.listFp());
            insertItem.setString(6, f.deps());
            insertItem.executeUpdate();
            newVersion(f);
        } else if (!deleted && oldHash.equals(f.hash())) {
            touchItem.setString(1, f.updatedAt());
            touchItem.setString(2, f.listFp());
            touchItem.setString(3, f.deps());
            touchItem.setString(4, f.type());
            touchItem.setString(5, f.id());
            touchItem.executeUpdate();
        } else {
            storeBlob(f);
            closeVersion.setString(1, f.type());
            closeVersion.setString(2, f.id());
            closeVersion.executeUpdate();
            replaceItem.setString(1, f.hash());
            replaceItem.setString(2, f.updatedAt());
            replaceItem.setString(3, f.listFp());
            replaceItem.setString(4, f.deps());
            replaceItem.setString(5, f.type());
            replaceItem.setString(6, f.id());
            replaceItem.executeUpdate();
            newVersion(f);
        }
    }

    private void newVersion(WriteOp.Fetched f) throws SQLException {
        insertVersion.setString(1, f.type());
        insertVersion.setString(2, f.id());
        insertVersion.setString(3, f.hash());
        insertVersion.executeUpdate();
    }

    private void resolve(String type, String id) throws SQLException {
        resolve.setString(1, type);
        resolve.setString(2, id);
        resolve.executeUpdate();
    }

    private void typeDone(WriteOp.TypeDone d) throws SQLException {
        if (d.tombstones() && d.limit() != null && tooManyDeletions(d)) {
            d = new WriteOp.TypeDone(d.type(), false, false, null);
        }
        if (d.tombstones()) {
            for (int i = 1; i <= 3; i++) {
                tombstoneVersions.setString(i, d.type());
            }
            tombstoneVersions.executeUpdate();
            tombstoneItems.setString(1, d.type());
            tombstoneItems.setString(2, d.type());
            tombstoneItems.executeUpdate();
        }
        if (d.complete()) {
            resolveLists.setString(1, d.type());
            resolveLists.executeUpdate();
        }
        checkpoint.setString(1, d.type());
        checkpoint.setInt(2, d.complete() ? 1 : 0);
        checkpoint.executeUpdate();
    }

    /** Records why the guard refused the listing's deletions, as a failed listing of the type. */
    private boolean tooManyDeletions(WriteOp.TypeDone d) throws SQLException {
        long deleting = count(countUnseen, d.type(), 2);
        long live = count(countLive, d.type(), 1);
        if (!d.limit().exceeded(deleting, live)) {
            return false;
        }
        apply(new WriteOp.Failed(d.type(), "deletions", "list", 0, "the listing of " + d.type() + " would mark "
                + deleting + " of " + live + " stored items deleted (more than " + d.limit().percent()
                + "%): none marked deleted, as a short or empty listing (or an API user that lost permissions)"
                + " looks the same; if they really were deleted, run again with --allow-mass-deletion", 1));
        return true;
    }

    private static long count(PreparedStatement ps, String type, int params) throws SQLException {
        for (int i = 1; i <= params; i++) {
            ps.setString(i, type);
        }
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        for (PreparedStatement ps : new PreparedStatement[] {insertBlob, findItem, insertItem, touchItem,
                replaceItem, closeVersion, insertVersion, seen, failure, resolve, tombstoneVersions,
                tombstoneItems, checkpoint, resolveLists, countUnseen, countLive}) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a statement of a finished writer cannot lose data
            }
        }
    }
}
