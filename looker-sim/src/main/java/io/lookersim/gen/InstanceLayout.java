package io.lookersim.gen;

/**
 * How many items of each type a (scale) gives, and the arithmetic that places them: ids, folder tree, folder of each
 * dashboard/look, sub-item ids. Everything is a pure function of the numbers here: immutable, thread-safe.
 */
public record InstanceLayout(long seed, int scale, long users, long sharedFolders, long dashboards, long looks, long groups,
                   long customRoles, long customPermSets, long customModelSets, long customAttrs, long boards,
                   long plans, long alerts, int branching) {

    public static final long SHARED_ROOT = 1, USERS_ROOT = 2, API_USER = 1;
    public static final int ELEM_SLOTS = 64, FILTER_SLOTS = 8, SECTION_SLOTS = 4, ITEM_SLOTS = 8, DEST_SLOTS = 4,
            ACCESS_SLOTS = 4;
    public static final int BUILTIN_ROLES = 4, BUILTIN_PERM_SETS = 4, BUILTIN_MODEL_SETS = 1, SYSTEM_ATTRS = 4;

    /**
     * Base dashboards and looks in the trash: every 50th id, offset 25 — arithmetic, so that listing pages can be
     * located without generating the items before them.
     */
    public static final int TRASH_PERIOD = 50, TRASH_PHASE = 25;

    public static boolean baseTrashed(long id) { return id % TRASH_PERIOD == TRASH_PHASE; }

    public static InstanceLayout of(long seed, int scale) {
        long n = Math.max(0, scale);
        long shared = Math.round(n * 0.05);
        int b = 2;
        while (Math.pow(b, 7) < shared) b++;
        return new InstanceLayout(seed, scale, Math.round(n * 0.10), shared, Math.round(n * 0.30), Math.round(n * 0.40),
                part(n, 0.004, 4), part(n, 0.001, 2), part(n, 0.0005, 1), part(n, 0.0005, 1),
                part(n, 0.0006, 3), part(n, 0.005, 2), part(n, 0.01, 4), part(n, 0.005, 3), b);
    }

    /** A share of the scale, with a floor so that small test instances still have a few of every kind. */
    private static long part(long n, double share, int floor) {
        return n == 0 ? 0 : Math.max(floor, Math.round(n * share));
    }

    // ---- users: id 1 is the API user, generated users are 2..users+1
    public long userMax() { return users + 1; }

    // ---- folders: 1 Shared, 2 Users, personal folder of user u is u+2, shared tree folder j is firstShared()+j
    public long personalFolder(long user) { return user + 2; }

    public long firstShared() { return userMax() + 3; }

    public long folderMax() { return firstShared() + sharedFolders - 1; }

    /** Parent folder id of a base folder, or 0 for the two roots. */
    public long folderParent(long f) {
        if (f <= USERS_ROOT) return 0;
        if (f < firstShared()) return USERS_ROOT;
        long j = f - firstShared();
        return j < branching ? SHARED_ROOT : firstShared() + (j / branching - 1);
    }

    public long[] folderChildren(long f) {
        if (f == USERS_ROOT) return range(3, userMax() + 2);
        long firstChild;
        if (f == SHARED_ROOT) firstChild = 0;
        else if (f >= firstShared() && f <= folderMax()) firstChild = (f - firstShared() + 1) * branching;
        else return new long[0];
        long from = firstShared() + firstChild, to = Math.min(folderMax(), from + branching - 1);
        return range(from, to);
    }

    /** Folders that hold content: Shared root, personal folders and the shared tree (not the Users root). */
    public long contentSlots() { return 1 + userMax() + sharedFolders; }

    public long slotFolder(long slot) { return slot == 0 ? SHARED_ROOT : slot <= userMax() ? slot + 2 : firstShared() + slot - userMax() - 1; }

    public long folderSlot(long f) { return f == SHARED_ROOT ? 0 : f < firstShared() ? f - 2 : f - firstShared() + userMax() + 1; }

    public long contentFolder(long itemId) { return slotFolder((itemId - 1) % contentSlots()); }

    /** Base dashboards (or looks, with max = looks) placed in folder f. */
    public long[] contentIn(long f, long max) {
        if (f == USERS_ROOT || f < 1 || f > folderMax()) return new long[0];
        long first = folderSlot(f) + 1, step = contentSlots();
        if (first > max) return new long[0];
        long[] out = new long[(int) ((max - first) / step + 1)];
        for (int i = 0; i < out.length; i++) out[i] = first + i * step;
        return out;
    }

    // ---- groups: 1..groups, nested in a 3-ary tree (groups 1..3 are top level)
    public long groupParent(long g) { return g <= 3 ? 0 : (g - 1) / 3; }

    public long[] groupChildren(long g) { return range(3 * g + 1, Math.min(groups, 3 * g + 3)); }

    public long[] userGroups(long u) { return u < 2 || groups == 0 ? new long[0] : new long[]{(u - 2) % groups + 1}; }

    public long[] groupUsers(long g) {
        if (g < 1 || g > groups) return new long[0];
        long[] out = new long[(int) Math.max(0, (users - g) / groups + 1)];
        int n = 0;
        for (long u = g + 1; u <= userMax(); u += groups) out[n++] = u;
        return java.util.Arrays.copyOf(out, n);
    }

    // ---- roles: 1 Admin (built in), 2 Developer, 3 User, 4 Viewer, then custom roles
    public long roleMax() { return BUILTIN_ROLES + customRoles; }

    public long[] userRoles(long u) {
        if (u == API_USER) return new long[]{1};
        long base = u % 10 == 0 ? 2 : u % 2 == 0 ? 3 : 4;
        return customRoles > 0 && u % 3 == 0 ? new long[]{base, BUILTIN_ROLES + 1 + u % customRoles} : new long[]{base};
    }

    public long[] roleUsers(long r) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long u = 1; u <= userMax(); u++) for (long x : userRoles(u)) if (x == r) out.add(u);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    public long[] roleGroups(long r) { return r > 1 && r <= groups + 1 && r <= roleMax() ? new long[]{r - 1} : new long[0]; }

    public long[] groupRoles(long g) { return g + 1 <= roleMax() && g + 1 > 1 ? new long[]{g + 1} : new long[0]; }

    public long permSetMax() { return BUILTIN_PERM_SETS + customPermSets; }

    public long modelSetMax() { return BUILTIN_MODEL_SETS + customModelSets; }

    public long attrMax() { return SYSTEM_ATTRS + customAttrs; }

    // ---- dashboard parts
    public long elementDashboard(long e) { return e / ELEM_SLOTS; }

    public long filterDashboard(long f) { return f / FILTER_SLOTS; }

    public long firstNewElement() { return (dashboards + 1) * ELEM_SLOTS; }

    // ---- boards: section ids board*4+k, item ids section*8+k
    public long firstNewSection() { return (boards + 1) * SECTION_SLOTS; }

    public long firstNewItem() { return (firstNewSection() + 1) * ITEM_SLOTS; }

    // ---- queries: a finite space of distinct queries (ids 1..QueryGen.SPACE) shared by looks and tiles, as Looker
    // shares identical queries; so create_query can find the existing twin of any generated query.
    /** Query of element e (s = 0 its own query, 1..2 the sources of a merged-result tile). */
    public long elementQuery(long e, int s) { return 1 + Words.rng(seed, 5, e * 4 + s).nextLong(QueryGen.SPACE); }

    public long lookQuery(long l) { return 1 + Words.rng(seed, 6, l).nextLong(QueryGen.SPACE); }

    public long firstNewQuery() { return QueryGen.SPACE + 1; }

    // ---- content metadata: folders f, then dashboards, looks, boards
    public long cmFolder(long f) { return f; }

    public long cmDashboard(long d) { return folderMax() + d; }

    public long cmLook(long l) { return folderMax() + dashboards + l; }

    public long cmBoard(long b) { return folderMax() + dashboards + looks + b; }

    public long cmMax() { return folderMax() + dashboards + looks + boards; }

    public static long[] range(long from, long to) {
        if (to < from) return new long[0];
        long[] r = new long[(int) (to - from + 1)];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }
}
