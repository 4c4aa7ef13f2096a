package io.lookervault.cli;

import io.lookervault.job.ProgressSnapshot;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Live progress of an extraction or a restore on stderr: on a terminal a display redrawn in place (one line
 * per type or restore step with done/total, items/s and ETA, and a line with busy workers, requests, retries
 * and 429s); otherwise a plain line every {@code plainEveryMillis}. Runs on its own daemon thread;
 * {@link #close()} stops it.
 */
final class ProgressPrinter implements AutoCloseable {
    private final String job;
    private final Supplier<ProgressSnapshot> source;
    private final PrintStream err;
    private final boolean terminal;
    private final long everyMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private int drawnLines;

    /** @param job what runs, e.g. "extract" or "restore": the plain lines start with it */
    ProgressPrinter(String job, Supplier<ProgressSnapshot> source, PrintStream err, boolean terminal,
                    long plainEveryMillis) {
        this.job = job;
        this.source = source;
        this.err = err;
        this.terminal = terminal;
        this.everyMillis = terminal ? 500 : plainEveryMillis;
        this.thread = new Thread(this::loop, job + "-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                print(source.get());
            }
        }
    }

    private synchronized void print(ProgressSnapshot s) {
        if (terminal) {
            redraw(s);
        } else {
            err.println(plain(job, s));
        }
    }

    static String plain(String job, ProgressSnapshot s) {
        long done = s.types().stream().mapToLong(ProgressSnapshot.TypeProgress::done).sum();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %d items, %.0f items/s;", job, done,
                rate(done, s.elapsedMillis())));
        for (ProgressSnapshot.TypeProgress t : s.types()) {
            b.append(' ').append(t.type()).append(' ').append(t.done()).append('/')
                    .append(t.total() < 0 ? "?" : Long.toString(t.total()));
        }
        return b.append(String.format(Locale.ROOT, "; workers %d/%d busy; in flight %s; %d requests, %d retries,"
                + " %d 429s", s.busyWorkers(), s.workers(), s.inFlight().describe(), s.requests(), s.retries(),
                s.rateLimited())).toString();
    }

    private void redraw(ProgressSnapshot s) {
        StringBuilder b = new StringBuilder();
        if (drawnLines > 0) {
            b.append("\033[").append(drawnLines).append('A');
        }
        for (ProgressSnapshot.TypeProgress t : s.types()) {
            double r = rate(t.done(), t.activeMillis() >= 0 ? t.activeMillis() : s.elapsedMillis());
            String total = t.total() < 0 ? "?" : Long.toString(t.total());
            String eta = t.finished() ? "done" : t.total() < 0 || r <= 0 ? "" : String.format(Locale.ROOT, "ETA %ds",
                    (long) Math.max(0, (t.total() - t.done()) / r));
            b.append("\033[2K").append(String.format(Locale.ROOT, "%-16s %8d/%-8s %7.0f items/s %s%s%n", t.type(),
                    t.done(), total, r, eta, t.failed() > 0 ? "  failed " + t.failed() : ""));
        }
        b.append("\033[2K").append(String.format(Locale.ROOT,
                "workers %d/%d busy · in flight %s · %d requests · %d retries · %d 429s%n", s.busyWorkers(),
                s.workers(), s.inFlight().describe(), s.requests(), s.retries(), s.rateLimited()));
        drawnLines = s.types().size() + 1;
        err.print(b);
        err.flush();
    }

    private static double rate(long n, long millis) {
        return millis <= 0 ? 0 : n * 1000.0 / millis;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
