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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One push: a consistent copy of the vault (one read transaction), its documents that the store lacks packed
 * and uploaded, their index, the other tables as one file, and last the manifest. Nothing refers to an
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
            VaultCopy.copy(vault, copy);
            VaultCopy.Facts facts = VaultCopy.facts(copy);
            refuseUnfinished(facts, allowUnfinished);
            long vaultBytes = Files.size(copy);
            String id = ID.format(clock.instant()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
            PackIndex index = repo.index();
            List<String> documents = new ArrayList<>();
            Set<String> added = new HashSet<>();
            Map<String, PackIndex.Entry> fresh;
            long bytes;
            long objects;
            try (PackUploader up = new PackUploader(repo, packSize, progress)) {
                VaultCopy.forEachDocument(copy, (hash, json) -> {
                    documents.add(hash);
                    if (!index.contains(hash) && added.add(hash)) {
                        up.add(hash, json);
                    }
                });
                fresh = up.finish();
                bytes = up.bytes();
                objects = up.objects();
            }
            if (!fresh.isEmpty()) {
                bytes += repo.writeIndex("index/" + id, fresh);
                objects++;
            }
            VaultCopy.stripDocuments(copy);
            Path sealedTables = tmp.resolve("tables.sealed");
            String tablesSha = repo.codec().sealFile(copy, sealedTables);
            repo.store().putFile("tables/" + id, sealedTables);
            bytes += Files.size(sealedTables);
            objects += 2;
            Manifest draft = new Manifest(id, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), toolVersion,
                    facts.runs(), facts.lastRun(), facts.lastStatus(), facts.items(), documents.size(), vaultBytes,
                    "tables/" + id, tablesSha, bytes, objects, documents);
            long manifestBytes = repo.codec().seal(Repo.bytes(draft)).length;
            Manifest m = new Manifest(id, draft.time(), toolVersion, facts.runs(), facts.lastRun(), facts.lastStatus(),
                    facts.items(), documents.size(), vaultBytes, draft.tablesKey(), draft.tablesSha256(),
                    bytes + manifestBytes, objects, documents);
            repo.write("snapshots/" + id, Repo.bytes(m));
            return new Result(m, m.newBytes(), objects, fresh.size());
        } catch (IOException e) {
            throw new SnapshotException("cannot stage the snapshot beside the vault: " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
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
