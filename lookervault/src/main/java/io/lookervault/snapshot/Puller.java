package io.lookervault.snapshot;

import io.lookervault.vault.Hashes;
import io.lookervault.vault.VaultCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pull: the manifest, the tables (format 2: rebuilt row by row from their chunks; format 1: one file, hash
 * checked), then every pack the snapshot needs (each document's hash checked) into a new file beside the
 * target, which replaces the target only when all of it is proven.
 */
public final class Puller {
    /** What a pull did. */
    public record Result(Manifest manifest, long downloadedBytes, long packs, long documents) {}

    private final Repo repo;
    private Progress progress = Progress.NONE;

    public Puller(Repo repo) {
        this.repo = repo;
    }

    public Puller progress(Progress p) {
        this.progress = p;
        return this;
    }

    public Result pull(String id, Path target, boolean force) {
        if (Files.exists(target) && !force) {
            throw new SnapshotException.Refused(target + " exists: pull into a new path, or add --force to replace it");
        }
        Manifest m = repo.manifest(id);
        PackIndex index = repo.index();
        TreeReader reader = new TreeReader(repo, index);
        Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".pull-" + id);
        long[] moved = new long[2];
        try {
            Files.deleteIfExists(tmp);
            if (m.chunked()) {
                TableImages.read(m, tmp, reader);
            } else {
                moved[1] = tables(repo, m, tmp);
            }
            Map<String, List<Map.Entry<String, PackIndex.Entry>>> packs = plan(m, reader.documents(m), index);
            reader.forget();
            fill(tmp, packs, moved);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(m, moved[1], packs.size(), m.documentCount());
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + tmp + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover hidden temp file is harmless
            }
        }
    }

    /** Downloads and opens the tables file into {@code out}, checked against the manifest; returns its size. */
    static long tables(Repo repo, Manifest m, Path out) throws IOException {
        Path sealed = out.resolveSibling(out.getFileName() + ".sealed");
        try {
            repo.store().getFile(m.tablesKey(), sealed);
            String sha = repo.codec().openFile(sealed, out, "the tables of snapshot " + m.id());
            if (!sha.equals(m.tablesSha256())) {
                throw new SnapshotException("the tables of snapshot " + m.id() + " do not match their SHA-256 in the"
                        + " manifest: the store was altered");
            }
            return Files.size(out);
        } finally {
            Files.deleteIfExists(sealed);
        }
    }

    private static Map<String, List<Map.Entry<String, PackIndex.Entry>>> plan(Manifest m, List<String> documents,
                                                                             PackIndex index) {
        for (String h : documents) {
            if (!index.contains(h)) {
                throw new SnapshotException("snapshot " + m.id() + " needs document " + h + ", which no index of the"
                        + " store names: the store is damaged (run `lookervault snapshot verify`)");
            }
        }
        return index.byPack(documents);
    }

    private void fill(Path tmp, Map<String, List<Map.Entry<String, PackIndex.Entry>>> packs, long[] moved) {
        ExecutorService pool = Executors.newFixedThreadPool(PackUploader.THREADS);
        try {
            List<String> names = new ArrayList<>(packs.keySet());
            VaultCopy.fill(tmp, sink -> {
                for (int i = 0; i < names.size(); i += PackUploader.THREADS) {
                    List<Future<byte[]>> batch = new ArrayList<>();
                    for (String p : names.subList(i, Math.min(names.size(), i + PackUploader.THREADS))) {
                        batch.add(pool.submit(() -> openPack(p)));
                    }
                    for (int j = 0; j < batch.size(); j++) {
                        byte[] plain = get(batch.get(j));
                        String pack = names.get(i + j);
                        for (Map.Entry<String, PackIndex.Entry> e : packs.get(pack)) {
                            sink.accept(e.getKey(), slice(pack, plain, e));
                        }
                        moved[0]++;
                        moved[1] += plain.length;
                        progress.moved(moved[0], moved[1], names.size());
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] openPack(String pack) {
        return repo.openPack(pack);
    }

    static byte[] slice(String pack, byte[] plain, Map.Entry<String, PackIndex.Entry> e) {
        PackIndex.Entry at = e.getValue();
        if (at.offset() < 0 || at.length() < 0 || (long) at.offset() + at.length() > plain.length) {
            throw new SnapshotException("pack " + pack + " is shorter than its index says: the store is damaged");
        }
        byte[] doc = Arrays.copyOfRange(plain, at.offset(), at.offset() + at.length());
        if (!Hashes.sha256(doc).equals(e.getKey())) {
            throw new SnapshotException("document " + e.getKey() + " in pack " + pack + " does not match its"
                    + " SHA-256: the store was altered");
        }
        return doc;
    }

    private static byte[] get(Future<byte[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("pull interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new SnapshotException(e.getMessage(), e);
        }
    }
}
