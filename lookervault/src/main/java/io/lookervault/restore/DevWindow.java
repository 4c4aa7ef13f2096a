package io.lookervault.restore;

import io.lookervault.looker.LookerException;

/**
 * The run's API session in Looker's dev workspace, shared by the project writes in progress: Looker creates and
 * configures projects only in dev, and the session is the client's, so four projects cost two switches, not eight,
 * and their writes overlap. Switching happens under the lock, so a writer enters only once the session is in dev,
 * and the session goes back to production only when the last writer leaves. Thread-safe.
 */
final class DevWindow {
    private final DestinationWriter dest;
    private int writers;

    DevWindow(DestinationWriter dest) {
        this.dest = dest;
    }

    synchronized void enter() throws LookerException, InterruptedException {
        if (writers == 0) {
            workspace("dev");
        }
        writers++;
    }

    synchronized void leave() throws LookerException, InterruptedException {
        if (--writers == 0) {
            workspace("production");
        }
    }

    private void workspace(String id) throws LookerException, InterruptedException {
        dest.patch("/session", BackupSnapshot.JSON.createObjectNode().put("workspace_id", id));
    }
}
