package io.lookervault.cli;

import io.lookervault.looker.ContentType;
import io.lookervault.vault.RunRecord;
import io.lookervault.vault.VaultException;
import io.lookervault.vault.VaultReader;
import io.lookervault.vault.VaultUnreadableException;
import java.util.Map;

/** What the inspection commands share: opening the vault read-only, checking a type and a run number. */
final class InspectSupport {
    private InspectSupport() {}

    /** The vault of {@code --db}/config, read-only; a missing, damaged or foreign file is a usage error (exit 2). */
    static VaultReader open(GlobalOptions global, CliContext ctx) {
        try {
            return VaultReader.open(global.loadConfig(ctx, Map.of()).db());
        } catch (VaultUnreadableException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage(), e);
        }
    }

    /** A damaged page met while reading: one clear line pointing at {@code verify}, never a stack trace. */
    static CommandException damaged(VaultException e) {
        return new CommandException(ExitCodes.UNEXPECTED, e.getMessage() + "; 'lookervault verify' checks the vault", e);
    }

    static ContentType type(String key) {
        return ContentType.fromKey(key).orElseThrow(() -> new CommandException(ExitCodes.USAGE,
                "unknown content type '" + key + "'; one of: " + String.join(", ", new ExtractCommand.TypeKeys())));
    }

    static RunRecord run(VaultReader reader, long runId) {
        return reader.run(runId).orElseThrow(() -> new CommandException(ExitCodes.USAGE, "there is no run " + runId
                + " in " + reader.path() + " (" + reader.runs().size() + " runs; 'lookervault runs' lists them)"));
    }

    static long parseRun(String text) {
        try {
            long n = Long.parseLong(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the usage error
        }
        throw new CommandException(ExitCodes.USAGE, "'" + text + "' is not a run number (1, 2, 3...)");
    }

    /** "1m 05s" style durations for tables. */
    static String duration(long millis) {
        long s = Math.round(millis / 1000.0);
        if (s < 60) {
            return millis < 10_000 ? String.format("%.1fs", millis / 1000.0) : s + "s";
        }
        return s < 3600 ? String.format("%dm %02ds", s / 60, s % 60) : String.format("%dh %02dm", s / 3600, s % 3600 / 60);
    }

    /** A stored timestamp to the second for tables ("2026-11-29T02:33:00Z"); JSON output keeps it whole. */
    static String time(String iso) {
        if (iso == null) {
            return "";
        }
        if (iso.endsWith("+00:00")) {
            iso = iso.substring(0, iso.length() - 6) + "Z";
        }
        int dot = iso.indexOf('.', 17);
        if (dot < 0) {
            return iso;
        }
        int end = dot + 1;
        while (end < iso.length() && Character.isDigit(iso.charAt(end))) {
            end++;
        }
        return iso.substring(0, dot) + iso.substring(end);
    }

    /** Sizes for tables: bytes, KB, MB. */
    static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        return bytes < 10_000_000 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
    }
}
