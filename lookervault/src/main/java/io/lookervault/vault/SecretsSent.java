package io.lookervault.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code secrets_sent} table (migration 5 of {@link Schema}): per destination Looker, which write-only
 * secrets a restore has sent to which object. It holds field names only, never a value nor anything derived from
 * one. A restore consults it for the secrets Looker cannot report as set (no {@code has_*} flag in the API), so a
 * later restore with the secrets file sends each of them once and never again. Used by {@link RestoreStore} on its
 * connection (so a row commits with the item's checkpoint); stateless.
 */
final class SecretsSent {
    private SecretsSent() {}

    /** The fields recorded as sent to the destination object {@code destKey} of {@code type}. */
    static Set<String> fields(Connection c, String destUrl, String type, String destKey) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT field FROM secrets_sent WHERE dest_url=? AND type=?"
                + " AND dest_key=?", Arrays.asList(destUrl, type, destKey))) {
            return new TreeSet<>(Sql.strings(ps));
        }
    }

    /** Records that the restore {@code restoreId} sent {@code fields} to the object; a field sent before is restamped. */
    static void record(Connection c, String destUrl, String type, String destKey, Collection<String> fields,
                       long restoreId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO secrets_sent(dest_url, type, dest_key,"
                + " field, sent_run) VALUES (?,?,?,?,?)")) {
            for (String f : fields) {
                ps.setString(1, destUrl);
                ps.setString(2, type);
                ps.setString(3, destKey);
                ps.setString(4, f);
                ps.setLong(5, restoreId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
