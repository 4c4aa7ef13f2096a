package io.lookervault.snapshot;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forgets the snapshots a {@link Retention} does not keep and deletes the packs no kept snapshot needs.
 * Crash-safe by order: (1) a new index naming every pack still needed is written, (2) forgotten manifests
 * and their tables go, (3) the older index files go, (4) only then the unneeded packs. Killed anywhere, every
 * kept snapshot still finds each document through some index in some stored pack; a rerun finishes the job.
 * Packs that hold needed and unneeded documents are kept whole (no repacking). Run it when no push runs.
 */
public final class Pruner {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a prune did (or, dry, would do). */
    public record Result(List<String> kept, List<String> forgotten, int packsDeleted, int packsKept,
                         int indexFilesReplaced, boolean dryRun) {}

    private final Repo repo;
    private final Clock clock;

    public Pruner(Repo repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    public Result prune(Retention policy, boolean dryRun) {
        List<Manifest> all = repo.manifests();
        Set<String> keep = policy.keep(all);
        PackIndex index = repo.index();
        TreeReader reader = new TreeReader(repo, index);
        Set<String> referenced = new HashSet<>();
        all.stream().filter(m -> keep.contains(m.id())).forEach(m -> {
            referenced.addAll(reader.documents(m));
            referenced.addAll(reader.chunks(m));
        });
        Set<String> usedPacks = new HashSet<>();
        for (String h : referenced) {
            PackIndex.Entry e = index.get(h);
            if (e == null) {
                throw new SnapshotException("a kept snapshot needs document or chunk " + h + ", which no index names: the"
                        + " store is damaged, so prune deletes nothing (run `lookervault snapshot verify`)");
            }
            usedPacks.add(e.pack());
        }
        List<String> forgotten = all.stream().map(Manifest::id).filter(id -> !keep.contains(id)).toList();
        List<String> packs = repo.store().list("packs/").stream().map(k -> k.substring("packs/".length())).toList();
        List<String> dead = packs.stream().filter(p -> !usedPacks.contains(p)).toList();
        Set<String> oldIndexes = index.indexFiles();
        if (!dryRun) {
            String newIndex = "index/" + ID.format(clock.instant()) + "-prune";
            Map<String, PackIndex.Entry> live = new HashMap<>();
            index.all().forEach((h, e) -> {
                if (usedPacks.contains(e.pack())) {
                    live.put(h, e);
                }
            });
            repo.writeIndex(newIndex, live);
            for (String id : forgotten) {
                repo.store().delete("snapshots/" + id);
            }
            deleteOrphanTables(keep);
            oldIndexes.stream().filter(k -> !k.equals(newIndex)).forEach(k -> repo.store().delete(k));
            dead.forEach(p -> repo.store().delete("packs/" + p));
        }
        return new Result(List.copyOf(keep), forgotten, dead.size(), packs.size() - dead.size(), oldIndexes.size(),
                dryRun);
    }

    /** Tables of forgotten snapshots, and of pushes killed before their manifest. */
    private void deleteOrphanTables(Set<String> keep) {
        for (String k : repo.store().list("tables/")) {
            if (!keep.contains(k.substring("tables/".length()))) {
                repo.store().delete(k);
            }
        }
    }
}
