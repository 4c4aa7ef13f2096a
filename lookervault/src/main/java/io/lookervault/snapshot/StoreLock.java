package io.lookervault.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A lock in the store, restic's way (S3 has no atomic create-if-absent everywhere): each holder writes its own
 * {@code locks/<id>} (plaintext JSON: kind, owner, time), then lists {@code locks/}; if a live lock it must not
 * run beside is there, it removes its own and refuses. Two that start at once may both refuse, never both run.
 * A push holds a shared lock (pushes may run together: everything they write is new or content-addressed); a
 * prune holds an exclusive one. A holder rewrites its lock every {@link #REFRESH}; a lock not rewritten for
 * {@link #STALE} is a crashed holder's and is ignored (and removed by the next exclusive holder).
 */
public final class StoreLock implements AutoCloseable {
    /** How long a lock outlives its last refresh: a killed push or prune blocks prune for at most this. */
    public static final Duration STALE = Duration.ofMinutes(30);
    static final Duration REFRESH = Duration.ofMinutes(5);
    static final String PREFIX = "locks/";

    /** Who may run beside whom. */
    public enum Kind { SHARED, EXCLUSIVE }

    private final BlobStore store;
    private final Clock clock;
    private final String key;
    private final byte[] body;
    private final ScheduledExecutorService refresher;

    private StoreLock(BlobStore store, Clock clock, String key, byte[] body, boolean refresh) {
        this.store = store;
        this.clock = clock;
        this.key = key;
        this.body = body;
        this.refresher = refresh ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snapshot-lock-refresh");
            t.setDaemon(true);
            return t;
        }) : null;
        if (refresher != null) {
            refresher.scheduleAtFixedRate(this::refresh, REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Takes a lock of {@code kind}, or throws {@link SnapshotException.Refused} naming who holds the store.
     *
     * @param refresh rewrite the lock in the background while held (off in tests that drive the clock)
     */
    public static StoreLock acquire(BlobStore store, Kind kind, String owner, Clock clock, boolean refresh) {
        Instant now = clock.instant();
        String key = PREFIX + now.toEpochMilli() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        ObjectNode json = Repo.JSON.createObjectNode().put("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .put("owner", owner).put("time", now.toString());
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        store.put(key, body);
        List<String> blockers = new ArrayList<>();
        for (String other : store.list(PREFIX)) {
            if (other.equals(key)) {
                continue;
            }
            JsonNode lock = read(store, other);
            if (lock == null) {
                continue;
            }
            boolean stale = Instant.parse(lock.path("time").asText(now.toString())).plus(STALE).isBefore(now);
            if (stale) {
                if (kind == Kind.EXCLUSIVE) {
                    store.delete(other);
                }
            } else if (kind == Kind.EXCLUSIVE || "exclusive".equals(lock.path("kind").asText())) {
                blockers.add(lock.path("kind").asText() + " lock of " + lock.path("owner").asText() + " since "
                        + lock.path("time").asText());
            }
        }
        if (!blockers.isEmpty()) {
            store.delete(key);
            throw new SnapshotException.Refused(store.describe() + " is locked (" + String.join("; ", blockers)
                    + "): a " + (kind == Kind.EXCLUSIVE ? "push or prune" : "prune") + " is running there. Wait for it;"
                    + " a lock not refreshed for " + STALE.toMinutes() + " minutes is ignored, and --force-unlock"
                    + " removes it at once if you know its process is gone");
        }
        return new StoreLock(store, clock, key, body, refresh);
    }

    /** Removes every lock of the store (the user knows their holders are gone); returns how many. */
    public static int forceUnlock(BlobStore store) {
        List<String> all = store.list(PREFIX);
        all.forEach(store::delete);
        return all.size();
    }

    /** Who this process is, for other holders' messages (host and pid; never credentials). */
    public static String self() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }

    private static JsonNode read(BlobStore store, String key) {
        try {
            return Repo.JSON.readTree(store.get(key));
        } catch (BlobStore.MissingObjectException e) {
            return null; // released between list and get
        } catch (java.io.IOException e) {
            // an unreadable lock counts as live: refusing is safe, --force-unlock clears it
            return Repo.JSON.createObjectNode().put("kind", "exclusive").put("owner", "an unreadable lock " + key);
        }
    }

    private void refresh() {
        try {
            ObjectNode json = (ObjectNode) Repo.JSON.readTree(body);
            json.put("time", clock.instant().toString());
            store.put(key, json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException e) {
            // the next refresh tries again; a lock that goes stale only lets a prune in after STALE
        }
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            try {
                // a refresh under way would write the lock back after the delete below
                refresher.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.delete(key);
    }
}
