package io.lookervault.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The vault's schema as an ordered list of forward migrations. A vault records the highest migration
 * applied in {@code schema_version}; opening a vault applies the missing ones in one transaction.
 *
 * <p>History model: a {@code versions} row is a validity interval [from_run, to_run) of one content hash
 * of one item, so an unchanged nightly run adds no rows (it only moves {@code items.last_seen_run}), a
 * change or a deletion closes the interval, and "as of run N" is one query:
 * {@code from_run <= N AND (to_run IS NULL OR to_run > N)}.
 */
final class Schema {
    private Schema() {}

    static final List<String> MIGRATIONS = List.of(
            // 1: runs, content-addressed versions, item state, checkpoints, failures
            """
            CREATE TABLE runs(run_id INTEGER PRIMARY KEY, base_url TEXT NOT NULL, mode TEXT NOT NULL,
              status TEXT NOT NULL, options TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
              duration_ms INTEGER NOT NULL DEFAULT 0, requests INTEGER NOT NULL DEFAULT 0,
              retries INTEGER NOT NULL DEFAULT 0, rate_limited INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE run_type_counts(run_id INTEGER NOT NULL, type TEXT NOT NULL, total INTEGER NOT NULL,
              new INTEGER NOT NULL, changed INTEGER NOT NULL, unchanged INTEGER NOT NULL,
              deleted INTEGER NOT NULL, failed INTEGER NOT NULL, PRIMARY KEY(run_id, type));
            CREATE TABLE blobs(hash TEXT PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE versions(type TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL,
              from_run INTEGER NOT NULL, to_run INTEGER, PRIMARY KEY(type, id, from_run)) WITHOUT ROWID;
            CREATE INDEX versions_by_run ON versions(from_run, type);
            CREATE TABLE items(type TEXT NOT NULL, id TEXT NOT NULL, hash TEXT NOT NULL, updated_at TEXT,
              list_fp TEXT, last_seen_run INTEGER NOT NULL, deleted_run INTEGER,
              PRIMARY KEY(type, id)) WITHOUT ROWID;
            CREATE INDEX items_by_seen ON items(type, last_seen_run);
            CREATE INDEX items_by_deleted ON items(deleted_run, type);
            CREATE TABLE checkpoints(run_id INTEGER NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL,
              complete INTEGER NOT NULL, PRIMARY KEY(run_id, type));
            CREATE TABLE failures(run_id INTEGER NOT NULL, type TEXT NOT NULL, id TEXT NOT NULL,
              operation TEXT NOT NULL, status INTEGER NOT NULL, message TEXT NOT NULL,
              attempts INTEGER NOT NULL, resolved_run INTEGER, PRIMARY KEY(run_id, type, id, operation));
            CREATE INDEX failures_open ON failures(resolved_run, type);
            """,
            // 2 (restore): id map per (source, destination) instance pair, restore runs with per-item
            // checkpoints, and the dead-letter queue of writes that failed after retries
            """
            CREATE TABLE id_map(source_url TEXT NOT NULL, dest_url TEXT NOT NULL, type TEXT NOT NULL,
              source_id TEXT NOT NULL, dest_id TEXT NOT NULL, restore_id INTEGER,
              PRIMARY KEY(source_url, dest_url, type, source_id)) WITHOUT ROWID;
            CREATE TABLE restore_runs(restore_id INTEGER PRIMARY KEY, source_run INTEGER NOT NULL,
              source_url TEXT NOT NULL, dest_url TEXT NOT NULL, command TEXT NOT NULL, options TEXT NOT NULL,
              status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT);
            CREATE TABLE restore_checkpoints(restore_id INTEGER NOT NULL, type TEXT NOT NULL,
              source_id TEXT NOT NULL, action TEXT NOT NULL, dest_id TEXT, detail TEXT,
              PRIMARY KEY(restore_id, type, source_id)) WITHOUT ROWID;
            CREATE TABLE restore_dlq(dlq_id INTEGER PRIMARY KEY, restore_id INTEGER NOT NULL, type TEXT NOT NULL,
              source_id TEXT NOT NULL, request TEXT, status INTEGER NOT NULL, response TEXT, error TEXT NOT NULL,
              created_at TEXT NOT NULL, resolved_at TEXT);
            CREATE INDEX restore_dlq_open ON restore_dlq(resolved_at, restore_id);
            """,
            // 3: what an item's document embeds from other items, as "id@updated_at" pairs (a dashboard's
            // looks), so an incremental run sees a dashboard change when only a look it shows changed;
            // NULL = not known (stored before this column): the next incremental run fetches the item again
            """
            ALTER TABLE items ADD COLUMN deps TEXT;
            """,
            // 4: how the in-flight limit moved in each segment of a run (issue #12): min/median/max weighted
            // by requests, and the limit over time as [second, limit] pairs
            """
            CREATE TABLE run_limits(run_id INTEGER NOT NULL, segment INTEGER NOT NULL, mode TEXT NOT NULL,
              min INTEGER NOT NULL, median INTEGER NOT NULL, max INTEGER NOT NULL, timeline TEXT NOT NULL,
              PRIMARY KEY(run_id, segment));
            """,
            // 5 (issue #11): which write-only secrets without a read-back flag in the API (OIDC secret, cloud
            // storage S3 key and secret, an external OAuth app's client secret) a restore has sent to which
            // destination object, so a later restore with the secrets file sends each once and then never again.
            // Field NAMES only: never a value, nor anything derived from one
            """
            CREATE TABLE secrets_sent(dest_url TEXT NOT NULL, type TEXT NOT NULL, dest_key TEXT NOT NULL,
              field TEXT NOT NULL, sent_run INTEGER NOT NULL, PRIMARY KEY(dest_url, type, dest_key, field)) WITHOUT ROWID;
            """,
            // 6: a destination id belongs to the source item mapped to it last; this finds an id's other claimants
            // (a destination rebuilt at the same URL gives the old ids to new objects). restore_id makes it covering:
            // without it SQLite scanned every mapping of the type instead (RestoreStoreTest holds the plan)
            """
            CREATE INDEX id_map_dest ON id_map(source_url, dest_url, type, dest_id, restore_id);
            """);

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Applies every migration newer than the vault's version, all in one transaction. */
    static void migrate(Connection c) throws SQLException {
        Sql.inTransaction(c, () -> {
            try (Statement s = c.createStatement()) {
                int current = currentVersion(c);
                if (current > MIGRATIONS.size()) {
                    throw new VaultException("vault schema version " + current
                            + " is newer than this LookerVault understands (" + MIGRATIONS.size() + ")");
                }
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    for (String sql : MIGRATIONS.get(v - 1).split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                    s.execute("INSERT INTO schema_version(version) VALUES (" + v + ")");
                }
            }
            return null;
        });
    }
}
