package io.lookervault.snapshot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * restic's {@code forget} policy: keep the newest {@code last} snapshots, and the newest snapshot of each of
 * the newest {@code daily} days, {@code weekly} ISO weeks and {@code monthly} months that have one (UTC).
 * A snapshot kept by any rule is kept.
 */
public record Retention(int last, int daily, int weekly, int monthly) {
    public Retention {
        if (last < 0 || daily < 0 || weekly < 0 || monthly < 0) {
            throw new SnapshotException.Refused("--keep-* values must be 0 or more");
        }
        if (last + daily + weekly + monthly == 0) {
            throw new SnapshotException.Refused("say what to keep: --keep-last, --keep-daily, --keep-weekly or --keep-monthly");
        }
    }

    /** The ids to keep out of {@code snapshots} (id → time). */
    public Set<String> keep(List<Manifest> snapshots) {
        List<Manifest> newest = new ArrayList<>(snapshots);
        newest.sort(Comparator.comparing(Manifest::time).thenComparing(Manifest::id).reversed());
        Set<String> keep = new LinkedHashSet<>();
        newest.stream().limit(last).forEach(m -> keep.add(m.id()));
        bucket(newest, daily, t -> t.toLocalDate().toString(), keep);
        bucket(newest, weekly, t -> t.get(IsoFields.WEEK_BASED_YEAR) + "-W" + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), keep);
        bucket(newest, monthly, t -> t.getYear() + "-" + t.getMonthValue(), keep);
        return keep;
    }

    private static void bucket(List<Manifest> newest, int n, Function<ZonedDateTime, String> key, Set<String> keep) {
        String lastBucket = null;
        int left = n;
        for (Manifest m : newest) {
            if (left == 0) {
                return;
            }
            String b = key.apply(Instant.parse(m.time()).atZone(ZoneOffset.UTC));
            if (!b.equals(lastBucket)) {
                keep.add(m.id());
                lastBucket = b;
                left--;
            }
        }
    }
}
