package io.lookervault.cli;

import io.lookervault.snapshot.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Push and pull progress on stderr: objects, bytes, rate and (when the total is known) ETA, redrawn in place on
 * a terminal, else one line every few seconds. Silent with {@code --quiet} or {@code --output json}.
 */
final class SnapshotProgress implements Progress {
    private final String job;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean silent;
    private final long start = System.nanoTime();
    private long lastPrint;

    SnapshotProgress(String job, CliContext ctx, GlobalOptions global) {
        this.job = job;
        this.err = ctx.err();
        this.terminal = System.console() != null && ctx.err() == System.err;
        this.silent = global.quiet() || global.json();
    }

    @Override
    public synchronized void moved(long objects, long bytes, long totalObjects) {
        long now = System.nanoTime();
        if (silent || now - lastPrint < (terminal ? 250_000_000L : 5_000_000_000L)) {
            return;
        }
        lastPrint = now;
        double secs = Math.max(1e-3, (now - start) / 1e9);
        String line = String.format(Locale.ROOT, "%s: %s%d%s objects, %.1f MB, %.1f MB/s", job,
                terminal && totalObjects > 0 ? bar(objects, totalObjects) + " " : "", objects,
                totalObjects > 0 ? "/" + totalObjects : "", bytes / 1e6, bytes / 1e6 / secs);
        if (totalObjects > 0 && objects > 0) {
            line += String.format(Locale.ROOT, ", ETA %ds", Math.round(secs / objects * (totalObjects - objects)));
        }
        err.print(terminal ? "\r" + line + "   " : line + System.lineSeparator());
    }

    /** {@code [=========>          ] 45%}: on a terminal only (a log gets the plain counts). */
    static String bar(long done, long total) {
        int width = 24;
        int filled = (int) Math.min(width, done * width / Math.max(1, total));
        return "[" + "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "") + "] "
                + Math.min(100, done * 100 / Math.max(1, total)) + "%";
    }

    /** Ends a redrawn line so the summary starts on its own. */
    void done() {
        if (terminal && lastPrint != 0 && !silent) {
            err.println();
        }
    }
}
