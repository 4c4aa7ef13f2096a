package io.lookersim.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A test hook, not part of Looker's API: every write-only value (a secret) the simulator was sent, in order. Looker
 * keeps such values and never answers them; the API shows at most a {@code has_*} flag, and for some (OIDC
 * {@code secret}, cloud storage S3 key and secret, an external OAuth app's {@code client_secret}) not even that.
 * Tests read this (in-process, or {@code GET /__sim/secrets_received}) to confirm a client sent a secret, and which
 * value. The values are the tests' own fake ones. Thread-safe.
 */
public final class SecretsReceived {
    /** One write-only field of a write body: the spec schema it was sent as, the field and its value. */
    public record Entry(long seq, String schema, String field, String value) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(String schema, String field, String value) {
        entries.add(new Entry(entries.size() + 1, schema, field, value));
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }
}
