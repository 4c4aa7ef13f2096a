package io.lookersim.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens: issued by login, valid for the TTL on the injected clock, revoked by logout. Thread-safe. */
public final class Tokens {
    private record Grant(String userId, long expiresAtMillis) {}

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int ttlSeconds;

    public Tokens(Clock clock, int ttlSeconds) {
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    public int ttlSeconds() { return ttlSeconds; }

    public String issue(String userId) {
        char[] c = new char[40];
        for (int i = 0; i < c.length; i++) c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        String t = new String(c);
        grants.put(t, new Grant(userId, clock.millis() + ttlSeconds * 1000L));
        return t;
    }

    /** The user of a valid token from an Authorization header ("token X" or "Bearer X"), or null. */
    public String userOf(String authorization) {
        String t = tokenOf(authorization);
        if (t == null) return null;
        Grant g = grants.get(t);
        if (g == null) return null;
        if (clock.millis() >= g.expiresAtMillis()) {
            grants.remove(t);
            return null;
        }
        return g.userId();
    }

    public boolean revoke(String authorization) {
        String t = tokenOf(authorization);
        return t != null && grants.remove(t) != null;
    }

    static String tokenOf(String h) {
        if (h == null) return null;
        String v = h.trim();
        int sp = v.indexOf(' ');
        if (sp < 0) return null;
        String scheme = v.substring(0, sp);
        if (!scheme.equalsIgnoreCase("token") && !scheme.equalsIgnoreCase("bearer")) return null;
        String t = v.substring(sp + 1).trim();
        return t.isEmpty() ? null : t;
    }
}
