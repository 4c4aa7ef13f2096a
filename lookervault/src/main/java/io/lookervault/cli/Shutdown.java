package io.lookervault.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ctrl-C as seen by a command. {@link Main#main} wires it to a JVM shutdown hook that runs the
 * listeners, interrupts the command's thread and waits a little for it to finish, so that a command
 * (e.g. extract) can stop its workers and commit what it has. Thread-safe.
 */
public final class Shutdown {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean requested;

    /** Registers a hook run when the user interrupts; keep it short and non-blocking. */
    public void onShutdown(Runnable listener) {
        listeners.add(listener);
    }

    public boolean isRequested() {
        return requested;
    }

    /** Called by the shutdown hook (or a test). */
    public void request() {
        requested = true;
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a failing listener must not stop the others
            }
        }
    }
}
