package io.lookervault.snapshot;

import io.lookervault.job.RunStatus;
import io.lookervault.vault.VaultCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One push: a consistent copy of the vault (one read transaction), its documents that the store lacks packed
 * and uploaded, the other tables as chunked row streams (only chunks the store lacks uploaded), the index of
 * what was uploaded, and last the manifest (format 2, see {@link Manifest}). Nothing refers to an
 * object before it is stored, so a push killed at any point leaves every earlier snapshot whole (and at
 * worst packs that no index names, which {@code prune} removes).
 */
public final class Pusher {
    public static final int PACK_SIZE = 16 << 20;
    /** Snapshot ids start with the push time to the millisecond, so they sort in push order (several pushes can share a second). */
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a push did. */
    public record Result(Manifest manifest, long uploadedBytes, long uploadedObjects, long newDocuments) {}

    private final Repo repo;
    private final Clock clock;
    private final String toolVersion;
    private int packSize = PACK_SIZE;
    private Progress progress = Progress.NONE;

    public Pusher(Repo repo, Clock clock, String toolVersion) {
        this.repo = repo;
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    public Pusher packSize(int bytes) {
        this.packSize = bytes;
        return this;
    }

    public Pusher progress(Progress p) {
        this.progress = p;
        return this;
    }

    public Result push(Path vault, boolean allowUnfinished) throws InterruptedException {
        Path tmp = tempDir(vault);
        try {
            Path copy = tmp.resolve("copy.db");
            progress.step("taking a consistent copy of the vault");
            VaultCopy.copy(vault, copy);
            VaultCopy.Facts facts = VaultCopy.facts(copy);
            progress.step("packing and uploading what the store lacks of " + facts.documents() + " documents");
            refuseUnfinished(facts, allowUnfinished);
            long vaultBytes = Files.size(copy);
            String id = ID.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
            Upload up = upload(copy, repo.index(), facts.documents());
            long bytes = up.bytes();
            long objects = up.objects() + 1; // and the manifest
            if (!up.fresh().isEmpty()) {
                bytes += repo.writeIndex("index/" + id, up.fresh());
                objects++;
            }
            TableImages.Image image = up.image();
            Manifest draft = new Manifest(id, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), toolVersion,
                    facts.runs(), facts.lastRun(), facts.lastStatus(), facts.items(), image.docs().lines(), vaultBytes,
                    null, null, 0, 0, List.of(), Manifest.CURRENT, image.schema(), image.tables(), image.docs());
            long manifestBytes = repo.codec().seal(Repo.bytes(draft.withTotals(bytes, objects))).length;
            Manifest m = draft.withTotals(bytes + manifestBytes, objects);
            repo.write("snapshots/" + id, Repo.bytes(m));
            return new Result(m, m.newBytes(), m.newObjects(), up.newDocuments());
        } catch (IOException e) {
            throw new SnapshotException("cannot stage the snapshot beside the vault: " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** What the packs of one push hold: new index entries, the tables as streams, and what it cost. */
    private record Upload(Map<String, PackIndex.Entry> fresh, TableImages.Image image, long bytes, long objects,
                          long newDocuments) {}

    /** Packs the documents and table chunks the store lacks (each once) and uploads them. */
    private Upload upload(Path copy, PackIndex index, long documents) throws InterruptedException {
        Set<String> added = new HashSet<>();
        Map<String, PackIndex.Entry> fresh = new HashMap<>();
        AtomicLong bytes = new AtomicLong();
        AtomicLong objects = new AtomicLong();
        long[] newDocuments = {0};
        long[] read = {0};
        TableImages.Image image;
        // table chunks go to packs of their own, so reading a snapshot's tables downloads no documents
        try (PackUploader docs = new PackUploader(repo, packSize, progress, bytes, objects);
             PackUploader chunks = new PackUploader(repo, packSize, progress, bytes, objects)) {
            VaultCopy.forEachDocument(copy, (hash, json) -> {
                progress.read(++read[0], documents);
                if (!index.contains(hash) && added.add(hash)) {
                    newDocuments[0]++;
                    docs.add(hash, json);
                }
            });
            progress.step("the tables as row chunks");
            image = TableImages.write(copy, (hash, chunk) -> {
                if (!index.contains(hash) && added.add(hash)) {
                    chunks.add(hash, chunk);
                }
            });
            fresh.putAll(docs.finish());
            fresh.putAll(chunks.finish());
        }
        return new Upload(fresh, image, bytes.get(), objects.get(), newDocuments[0]);
    }

    private static void refuseUnfinished(VaultCopy.Facts facts, boolean allow) {
        boolean unfinished = java.util.Arrays.stream(RunStatus.values())
                .anyMatch(s -> s.key().equals(facts.lastStatus()) && s.resumable());
        if (unfinished && !allow) {
            throw new SnapshotException.Refused("the vault's last run (" + facts.lastRun() + ") is " + facts.lastStatus()
                    + ": finish it (lookervault extract) or push anyway with --allow-unfinished");
        }
    }

    /** A staging folder beside the vault (same disk, so the copy is as big as the vault may be). */
    private static Path tempDir(Path vault) {
        try {
            Path dir = vault.toAbsolutePath().getParent();
            return Files.createTempDirectory(dir, "." + vault.getFileName() + ".snapshot-");
        } catch (IOException e) {
            throw new SnapshotException("cannot stage the snapshot beside the vault: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover staging folder is harmless and named after the vault
        }
    }
}
