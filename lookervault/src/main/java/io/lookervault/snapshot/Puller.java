package io.lookervault.snapshot;

import io.lookervault.vault.Hashes;
import io.lookervault.vault.VaultCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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

    /** Packs opened ahead of the SQLite writer: enough to keep it busy, few enough for a 320 MB heap. */
    static final int WINDOW = PackUploader.THREADS + 1;

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
            deleteWithSideFiles(tmp);
            progress.step("rebuilding the tables");
            if (m.chunked()) {
                TableImages.read(m, tmp, reader);
            } else {
                moved[1] = tables(repo, m, tmp);
            }
            Map<String, List<Map.Entry<String, PackIndex.Entry>>> packs = plan(m, reader.documents(m), index);
            reader.forget();
            progress.step(m.documentCount() + " documents from " + packs.size() + " packs");
            fill(tmp, packs, moved);
            // built without fsync (a crash leaves only this hidden file): on disk before it takes the vault's name
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(m, moved[1], packs.size(), m.documentCount());
        } catch (IOException e) {
            throw new SnapshotException("cannot write " + tmp + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteWithSideFiles(tmp);
            } catch (IOException ignored) {
                // a leftover hidden temp file is harmless: the next pull of this snapshot deletes it first
            }
        }
    }

    /**
     * The hidden file and any journal or WAL a killed pull left beside it (SQLite would replay a stale WAL into
     * a new file of the same name).
     */
    private static void deleteWithSideFiles(Path tmp) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
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

    /**
     * Downloads, checks and opens packs on {@link PackUploader#THREADS} threads, at most {@link #WINDOW} ahead of
     * the one thread that writes SQLite (so memory stays at a few packs); each document's SHA-256 is checked on
     * the download threads, so the writer only inserts the very bytes that were checked.
     */
    private void fill(Path tmp, Map<String, List<Map.Entry<String, PackIndex.Entry>>> packs, long[] moved) {
        ExecutorService pool = Executors.newFixedThreadPool(PackUploader.THREADS, r -> {
            Thread t = new Thread(r, "snapshot-download");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> names = new ArrayList<>(packs.keySet());
            VaultCopy.fill(tmp, sink -> {
                ArrayDeque<Future<Opened>> ahead = new ArrayDeque<>();
                int next = 0;
                for (int done = 0; done < names.size(); done++) {
                    while (next < names.size() && ahead.size() < WINDOW) {
                        String p = names.get(next++);
                        ahead.add(pool.submit(() -> open(p, packs.get(p))));
                    }
                    Opened o = get(ahead.poll());
                    for (Map.Entry<String, PackIndex.Entry> e : o.entries()) {
                        sink.accept(e.getKey(), o.plain(), e.getValue().offset(), e.getValue().length());
                    }
                    moved[0]++;
                    moved[1] += o.plain().length;
                    progress.moved(moved[0], moved[1], names.size());
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** A pack's plain bytes whose documents' SHA-256 were all checked. */
    private record Opened(byte[] plain, List<Map.Entry<String, PackIndex.Entry>> entries) {}

    private Opened open(String pack, List<Map.Entry<String, PackIndex.Entry>> entries) {
        byte[] plain = repo.openPack(pack);
        MessageDigest md = sha256();
        for (Map.Entry<String, PackIndex.Entry> e : entries) {
            PackIndex.Entry at = e.getValue();
            if (at.offset() < 0 || at.length() < 0 || (long) at.offset() + at.length() > plain.length) {
                throw new SnapshotException("pack " + pack + " is shorter than its index says: the store is damaged");
            }
            md.update(plain, at.offset(), at.length());
            if (!HexFormat.of().formatHex(md.digest()).equals(e.getKey())) {
                throw new SnapshotException("document " + e.getKey() + " in pack " + pack + " does not match its"
                        + " SHA-256: the store was altered");
            }
        }
        return new Opened(plain, entries);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static <T> T get(Future<T> f) {
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
