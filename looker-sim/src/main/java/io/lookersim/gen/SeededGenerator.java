package io.lookersim.gen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lookersim.json.JsonNodes;
import java.util.SplittableRandom;

/** Shared pieces of the generators: the plan, seed-derived timestamps, common fields. Immutable: thread-safe. */
public class SeededGenerator {
    public static final int DASH = 1, ELEM = 2, FILT = 3, LOOK = 4, QUERY = 5, FOLDER = 6, USER = 7, GROUP = 8,
            ROLE = 9, BOARD = 10, SECTION = 11, ITEM = 12, PLAN = 13, ALERT = 14, ATTR = 15, ACCESS = 16;
    private static final long DAY = 86_400;
    protected final InstanceLayout p;
    protected final long seed;
    private final long epoch;

    public SeededGenerator(InstanceLayout p) {
        this.p = p;
        this.seed = p.seed();
        this.epoch = 1_577_836_800L + Math.floorMod(p.seed(), 365) * DAY; // 2020-01-01 + up to a year
    }

    public InstanceLayout plan() { return p; }

    protected SplittableRandom rng(int salt, long id) { return Words.rng(seed, salt, id); }

    /** Creation time grows with the id (older items have smaller ids), over about three years. */
    protected long created(long id, long max, SplittableRandom r) {
        long span = 3 * 365 * DAY;
        return epoch + (max <= 0 ? 0 : span * Math.min(id, max) / (max + 1)) + r.nextInt(86_000);
    }

    protected static String iso(long t) { return Words.iso(t); }

    /** The simulator's logical "now": after every generated timestamp; writes advance it by one second each. */
    public long now() { return epoch + 4 * 365 * DAY; }

    protected static ObjectNode can(String... ops) {
        ObjectNode c = JsonNodes.obj();
        for (String o : ops) c.put(o, true);
        return c;
    }

    protected static String s(long id) { return Long.toString(id); }

    /** A user that exists in the base instance (the API user at scale 0). */
    protected long someUser(SplittableRandom r) { return p.users() == 0 ? InstanceLayout.API_USER : 2 + r.nextLong(p.users()); }
}
