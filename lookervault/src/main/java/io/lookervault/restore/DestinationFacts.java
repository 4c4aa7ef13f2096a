package io.lookervault.restore;

import io.lookervault.looker.ContentType;
import io.lookervault.looker.LookerException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one restore run learns about the destination once and then reuses: each a typed cache, filled on first
 * use. Thread-safe: each fact is loaded once, under one lock, however many workers ask at the same time.
 */
final class DestinationFacts {
    private final DestinationWriter dest;
    private volatile String me;
    private volatile Set<String> managedGroups;
    private volatile Long newestUser;
    private final Map<String, Boolean> userExists = new ConcurrentHashMap<>();

    DestinationFacts(DestinationWriter dest) {
        this.dest = dest;
    }

    /** Loads a fact. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws LookerException, InterruptedException;
    }

    /** The id of the user the client is logged in as (fallback owner of alerts, like gzr). */
    String me() throws LookerException, InterruptedException {
        if (me == null) {
            synchronized (this) {
                if (me == null) {
                    me = dest.get("/user", Map.of("fields", "id")).path("id").asText();
                }
            }
        }
        return me;
    }

    /**
     * The largest user id at the destination when this run first asked, which it does before its first user create:
     * a user with a larger id was made after that (Looker's user ids grow). 0 when there are none; a non-numeric id
     * counts as none (then nothing is ever "newer", and a lost create is sent again rather than adopting a user).
     */
    long newestUserBeforeCreates() throws LookerException, InterruptedException {
        Long known = newestUser;
        if (known == null) {
            synchronized (this) {
                if (newestUser == null) {
                    long newest = 0;
                    for (var u : dest.get("/users/search", Map.of("sorts", "id desc", "limit", "1", "fields", "id"))) {
                        newest = Math.max(newest, UserRestorer.idOrder(u));
                    }
                    newestUser = newest;
                }
                known = newestUser;
            }
        }
        return known;
    }

    /** Whether user {@code id} exists at the destination. */
    boolean userExists(String id) throws LookerException, InterruptedException {
        Boolean known = userExists.get(id);
        if (known == null) {
            synchronized (this) {
                known = userExists.get(id);
                if (known == null) {
                    known = dest.getOrNull(ContentType.USERS.getPath(id)) != null;
                    userExists.put(id, known);
                }
            }
        }
        return known;
    }

    /** The destination groups the backup manages, loaded by {@code loader} the first time. */
    Set<String> managedGroups(Loader<Set<String>> loader) throws LookerException, InterruptedException {
        Set<String> groups = managedGroups;
        if (groups == null) {
            synchronized (this) {
                if (managedGroups == null) {
                    managedGroups = loader.load();
                }
                groups = managedGroups;
            }
        }
        return groups;
    }
}
