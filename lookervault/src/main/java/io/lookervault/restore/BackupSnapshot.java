package io.lookervault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lookervault.looker.ContentType;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.Vault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backed-up state restore reads: every item as of one extraction run of one source instance.
 * Thread-safe: reads go through the thread-safe {@link Vault}.
 */
final class BackupSnapshot {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Vault vault;
    private final RunRecord run;
    private final java.util.Map<String, java.util.Map<String, String>> fieldScans = new java.util.concurrent.ConcurrentHashMap<>();

    BackupSnapshot(Vault vault, RunRecord run) {
        this.vault = vault;
        this.run = run;
    }

    /**
     * The run to restore from: {@code runId} if given, else the newest run started at or before
     * {@code asOf} (an ISO date or date-time, UTC), else the newest run.
     */
    static BackupSnapshot of(Vault vault, Long runId, String asOf) {
        List<RunRecord> runs = vault.runs().stream().filter(r -> !r.status().resumable() || r.runId() == (runId == null ? -1 : runId)).toList();
        if (runId != null) {
            return new BackupSnapshot(vault, vault.run(runId).orElseThrow(() -> new RestoreException("no run " + runId
                    + " in the vault")));
        }
        Instant limit = asOf == null ? Instant.MAX : parse(asOf);
        RunRecord best = null;
        for (RunRecord r : runs) {
            if (!Instant.parse(r.startedAt()).isAfter(limit)) {
                best = r;
            }
        }
        if (best == null) {
            throw new RestoreException(asOf == null ? "the vault holds no finished extraction run"
                    : "no extraction run started on or before " + asOf);
        }
        return new BackupSnapshot(vault, best);
    }

    private static Instant parse(String asOf) {
        try {
            if (asOf.length() == 10) {
                // a bare date means "as of the end of that day"
                return LocalDate.parse(asOf).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
            }
            return asOf.endsWith("Z") ? Instant.parse(asOf) : LocalDateTime.parse(asOf).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of wants a date (2026-11-24) or date-time (2026-11-24T10:00:00Z),"
                    + " got " + asOf);
        }
    }

    long runId() {
        return run.runId();
    }

    String url() {
        return run.baseUrl();
    }

    Optional<JsonNode> doc(String type, String id) {
        return vault.json(type, id, run.runId()).map(BackupSnapshot::read);
    }

    /** Ids of {@code type} whose top-level {@code field} is {@code value}, ordered; one scan of the run per field. */
    List<String> idsWhere(String type, String field, String value) {
        java.util.Map<String, String> all = fieldScans.computeIfAbsent(type + "." + field,
                k -> vault.fieldValues(type, field, run.runId()));
        List<String> ids = new ArrayList<>();
        all.forEach((id, v) -> {
            if (value.equals(v)) {
                ids.add(id);
            }
        });
        ids.sort(BackupSnapshot::compareIds);
        return ids;
    }

    /**
     * Refuses a stored document that is not a whole item (not an object, or without its own id: what a lying
     * server's {@code {}} or {@code null} would have left), so a restore never writes it over the real item,
     * and names the newest earlier run that holds a good version.
     */
    void requireWhole(ContentType type, String id, JsonNode doc) {
        if (whole(type, id, doc)) {
            return;
        }
        String hint = " and no earlier run holds a good version";
        for (long r = run.runId() - 1; r >= 1; r--) {
            JsonNode older = vault.json(type.key(), id, r).map(BackupSnapshot::read).orElse(null);
            if (older != null && whole(type, id, older)) {
                hint = "; run " + r + " holds a good version: lookervault restore single " + type.key() + " " + id
                        + " --run " + r;
                break;
            }
        }
        throw new RestoreException("the stored document of " + type.key() + " " + id + " in run " + run.runId()
                + " is not a whole item (no " + type.idField() + " " + id + "): not written" + hint);
    }

    private static boolean whole(ContentType type, String id, JsonNode doc) {
        if (doc == null || !doc.isObject() || doc.isEmpty()) {
            return false;
        }
        if (type.paging() == ContentType.Paging.FIXED) {
            return true; // a singleton carries no id of its own: its path is its name
        }
        JsonNode own = doc.get(type.idField());
        // an item written by hand into an exported tree has no id yet: 'import' keys it new-<hash>
        return own == null || own.isNull() ? id.startsWith("new-") : id.equals(own.asText());
    }

    /** Ids of {@code type} as of the run, numerically ordered where they are numbers. */
    List<String> ids(String type) {
        List<String> ids = new ArrayList<>(vault.snapshot(type, run.runId()).keySet());
        ids.sort(BackupSnapshot::compareIds);
        return ids;
    }

    static int compareIds(String a, String b) {
        boolean na = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean nb = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
