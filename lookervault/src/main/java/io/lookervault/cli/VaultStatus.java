package io.lookervault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookervault.inspect.Verifier;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultAudit;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The vault summary of {@code info} and the vault-health row of {@code check}; both open the vault read-only. */
final class VaultStatus {
    private VaultStatus() {}

    /** Adds runs, items per type, size on disk (with the WAL) and the last run to {@code info}'s vault object. */
    static void summary(Path db, ObjectNode vault) {
        if (!Files.isRegularFile(db)) {
            return;
        }
        vault.put("size_on_disk_bytes", sizeOnDisk(db));
        try (VaultReader reader = VaultReader.open(db)) {
            List<RunRecord> runs = reader.runs();
            vault.put("runs", runs.size());
            ObjectNode items = vault.putObject("items");
            reader.itemCounts().forEach((type, c) -> items.putObject(type).put("present", c[0]).put("deleted", c[1]));
            if (!runs.isEmpty()) {
                vault.set("last_run", RunsCommand.json(runs.get(runs.size() - 1)));
            }
        } catch (VaultException e) {
            vault.put("error", e.getMessage());
        }
    }

    /** The rows {@code info} prints for the summary. */
    static void rows(TextTable t, JsonNode vault) {
        if (vault.has("error")) {
            t.row("Vault problem", vault.path("error").asText());
        }
        if (!vault.has("runs")) {
            return;
        }
        t.row("Vault size on disk", InspectSupport.size(vault.path("size_on_disk_bytes").asLong()));
        t.row("Vault runs", vault.path("runs").asLong());
        JsonNode last = vault.path("last_run");
        if (!last.isMissingNode()) {
            t.row("Last run", "run " + last.path("run_id").asLong() + ", " + last.path("status").asText() + ", "
                    + last.path("mode").asText() + ", started " + InspectSupport.time(last.path("started_at").asText())
                    + ", " + last.path("totals").path("total").asLong() + " items");
        }
        StringBuilder b = new StringBuilder();
        vault.path("items").fields().forEachRemaining(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey())
                .append(' ').append(e.getValue().path("present").asLong()));
        t.row("Items", b.length() == 0 ? "(none)" : b.toString());
    }

    /**
     * {@code check}'s vault health: SQLite's quick check and the last run's completeness; no row before the
     * first run made the vault. An unreadable or damaged vault fails (exit 2: point --db elsewhere or restore it).
     */
    static Optional<ReadinessChecks.Check> health(Path db) {
        if (!Files.exists(db)) {
            return Optional.empty();
        }
        return Optional.of(healthOf(db));
    }

    private static ReadinessChecks.Check healthOf(Path db) {
        String name = "vault health";
        try (VaultReader reader = VaultReader.open(db)) {
            VaultAudit audit = new VaultAudit(reader);
            List<String> damage = audit.sqliteQuickCheck();
            if (!damage.isEmpty()) {
                return ReadinessChecks.Check.fail(name, "damaged: " + damage.get(0) + " ('lookervault verify' lists all)",
                        ExitCodes.USAGE);
            }
            List<RunRecord> runs = reader.runs();
            Optional<RunRecord> last = runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
            List<String> incomplete = Verifier.completeness(audit, last.orElse(null));
            String summary = runs.size() + " runs, " + reader.itemCounts().values().stream().mapToLong(c -> c[0]).sum()
                    + " items";
            if (!incomplete.isEmpty()) {
                return new ReadinessChecks.Check(name, ReadinessChecks.Status.WARN, summary + "; " + incomplete.get(0)
                        + (incomplete.size() > 1 ? " (+" + (incomplete.size() - 1) + " more; 'lookervault verify')" : ""),
                        ExitCodes.OK);
            }
            return ReadinessChecks.Check.ok(name, summary + "; last run " + last.map(r -> r.runId() + " " + r.status().key())
                    .orElse("") + "; 'lookervault verify' checks every hash");
        } catch (VaultException e) {
            return ReadinessChecks.Check.fail(name, e.getMessage(), ExitCodes.USAGE);
        }
    }

    private static long sizeOnDisk(Path db) {
        long total = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Path p = db.resolveSibling(db.getFileName() + suffix);
                total += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException ignored) {
                // a file that vanished while we looked adds nothing
            }
        }
        return total;
    }
}
