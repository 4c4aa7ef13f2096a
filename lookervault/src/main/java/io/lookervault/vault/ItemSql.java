package io.lookervault.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** The SQL of {@code list}: what an item row shows and how the filters of an {@link ItemQuery} become WHERE. */
final class ItemSql {
    private ItemSql() {}

    /** Item title: the first of the fields Looker types use for a human name. */
    static final String TITLE = "coalesce(json_extract(b.json,'$.title'), json_extract(b.json,'$.name'),"
            + " json_extract(b.json,'$.display_name'), json_extract(b.json,'$.label'), json_extract(b.json,'$.email'),"
            // alerts: their own title if set, else the field they watch
            + " json_extract(b.json,'$.custom_title'), json_extract(b.json,'$.field.title'))";
    static final String OWNER = "coalesce(json_extract(b.json,'$.user_id'),"
            + " json_extract(b.json,'$.owner_id'), json_extract(b.json,'$.creator_id'))";
    static final String FOLDER = "CASE WHEN i.type='folders' THEN json_extract(b.json,'$.parent_id')"
            + " ELSE json_extract(b.json,'$.folder_id') END";
    static final String FAILED = "EXISTS(SELECT 1 FROM failures f WHERE f.type=i.type AND f.id=i.id"
            + " AND f.resolved_run IS NULL AND f.operation<>'list')";
    static final String COLUMNS = "i.type, i.id, " + TITLE + ", " + FOLDER + ", " + OWNER
            + ", coalesce(i.updated_at, json_extract(b.json,'$.updated_at')), length(CAST(b.json AS BLOB)),"
            + " coalesce(json_extract(b.json,'$.deleted'), 0), coalesce(i.deleted_run, 0), " + FAILED
            + ", i.last_seen_run";
    static StoredItem item(ResultSet rs) throws SQLException {
        return new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getInt(8) == 1, rs.getLong(9), rs.getInt(10) == 1, rs.getLong(11));
    }

    static String where(ItemQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder("i.type=?");
        params.add(q.type());
        w.append(q.deletedOnly() ? " AND (i.deleted_run IS NOT NULL OR json_extract(b.json,'$.deleted')=1)"
                : " AND i.deleted_run IS NULL");
        in(w, params, FOLDER, q.folderIds());
        in(w, params, OWNER, q.owners());
        if (q.changedSince() != null) {
            w.append(" AND (i.updated_at>=? OR (SELECT r.started_at FROM runs r WHERE r.run_id=(SELECT max(v.from_run)"
                    + " FROM versions v WHERE v.type=i.type AND v.id=i.id))>=?)");
            params.add(q.changedSince());
            params.add(q.changedSince());
        }
        if (q.search() != null) {
            w.append(" AND (i.id=? OR lower(").append(TITLE).append(") LIKE ? ESCAPE '\\')");
            params.add(q.search());
            params.add("%" + q.search().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return w.toString();
    }

    private static void in(StringBuilder w, List<Object> params, String expr, Set<String> values) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            w.append(" AND 0");
            return;
        }
        w.append(" AND CAST(").append(expr).append(" AS TEXT) IN (").append("?,".repeat(values.size() - 1)).append("?)");
        params.addAll(values);
    }

}
