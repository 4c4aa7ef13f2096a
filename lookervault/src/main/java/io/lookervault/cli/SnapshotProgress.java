package io.lookervault.cli;

import io.lookervault.snapshot.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Push and pull progress on stderr: objects, bytes, rate and, once the total is known, an ETA, redrawn in place
 * on a terminal, else one line every few seconds. Silent with {@code --quiet} or {@code --output json}.
 *
 * <p>The ETA is the time since the counted work began, scaled by the part left: a pull counts packs (their
 * number is known from the index), a push counts the vault's documents it has read (it learns which ones the
 * store lacks only by reading them all).
 */
final class SnapshotProgress implements Progress {
    private final String job;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean silent;
    private final LongSupplier nanos;
    private long lastPrint = Long.MIN_VALUE;
    private boolean printed;
    private long started = -1;
    private long objects;
    private long bytes;
    private long done;
    private long total = -1;
    private boolean counting;

    SnapshotProgress(String job, CliContext ctx, GlobalOptions global) {
        this(job, ctx.err(), System.console() != null && ctx.err() == System.err, global.quiet() || global.json(),
                System::nanoTime);
    }

    SnapshotProgress(String job, PrintStream err, boolean terminal, boolean silent, LongSupplier nanos) {
        this.job = job;
        this.err = err;
        this.terminal = terminal;
        this.silent = silent;
        this.nanos = nanos;
    }

    @Override
    public synchronized void moved(long objects, long bytes, long totalObjects) {
        this.objects = Math.max(this.objects, objects);
        this.bytes = Math.max(this.bytes, bytes);
        if (totalObjects > 0 && !counting) {
            this.done = this.objects;
            this.total = totalObjects;
        }
        tick();
    }

    @Override
    public synchronized void read(long done, long total) {
        this.done = done;
        this.total = total;
        this.counting = true;
        tick();
    }

    @Override
    public synchronized void step(String what) {
        if (silent) {
            return;
        }
        endLine();
        err.println(job + ": " + what);
    }

    private void tick() {
        long now = nanos.getAsLong();
        if (started < 0) {
            started = now;
        }
        if (silent || lastPrint != Long.MIN_VALUE && now - lastPrint < (terminal ? 250_000_000L : 5_000_000_000L)) {
            return;
        }
        lastPrint = now;
        String line = line(now - started);
        err.print(terminal ? "\r" + line + "   " : line + System.lineSeparator());
        printed = terminal;
    }

    /** The text for the counts so far, {@code elapsed} nanoseconds after the counted work began. */
    synchronized String line(long elapsed) {
        double secs = Math.max(1e-3, elapsed / 1e9);
        StringBuilder b = new StringBuilder(job).append(": ");
        if (terminal && total > 0) {
            b.append(bar(done, total)).append(' ');
        }
        b.append(objects).append(total > 0 && !counting ? "/" + total : "").append(" objects, ")
                .append(String.format(Locale.ROOT, "%.1f MB, %.1f MB/s", bytes / 1e6, bytes / 1e6 / secs));
        if (counting) {
            b.append(String.format(Locale.ROOT, ", %d/%d documents read", done, total));
        }
        if (total > 0 && done > 0) {
            b.append(", ETA ").append(eta(Math.round(secs / done * Math.max(0, total - done))));
        }
        return b.toString();
    }

    /** {@code 45s}, {@code 3m05s}, {@code 1h02m}. */
    static String eta(long secs) {
        if (secs < 60) {
            return secs + "s";
        }
        if (secs < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", secs / 60, secs % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", secs / 3600, secs % 3600 / 60);
    }

    /** {@code [=========>          ] 45%}: on a terminal only (a log gets the plain counts). */
    static String bar(long done, long total) {
        int width = 24;
        int filled = (int) Math.min(width, done * width / Math.max(1, total));
        return "[" + "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "") + "] "
                + Math.min(100, done * 100 / Math.max(1, total)) + "%";
    }

    private void endLine() {
        if (printed) {
            err.println();
            printed = false;
        }
    }

    /** Ends a redrawn line so the summary starts on its own. */
    synchronized void done() {
        if (!silent) {
            endLine();
        }
    }
}
