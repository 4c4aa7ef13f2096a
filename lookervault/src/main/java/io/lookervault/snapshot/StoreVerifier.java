package io.lookervault.snapshot;

import io.lookervault.vault.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves a snapshot is whole in the store without rebuilding it: the manifest opens, every document it needs
 * is indexed in a pack the store holds, the tables file matches its hash, and a sample of its packs (or all)
 * is downloaded and every document in it re-hashed.
 */
public final class StoreVerifier {
    /** What was checked and what is wrong (empty problems: sound). */
    public record Report(String id, long documents, long packs, long packsChecked, long documentsChecked,
                         List<String> problems) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    private final Repo repo;

    public StoreVerifier(Repo repo) {
        this.repo = repo;
    }

    /** @param samplePercent 1..100: the share of the snapshot's packs to download and re-hash */
    public Report verify(String id, int samplePercent) {
        Manifest m = repo.manifest(id);
        PackIndex index = repo.index();
        List<String> problems = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        repo.store().list("packs/").forEach(k -> stored.add(k.substring("packs/".length())));
        List<String> documents = checkTables(m, new TreeReader(repo, index), problems);
        long unindexed = documents.stream().filter(h -> !index.contains(h)).count();
        if (unindexed > 0) {
            problems.add(unindexed + " documents of the snapshot are in no index");
        }
        Map<String, List<Map.Entry<String, PackIndex.Entry>>> packs = index.byPack(documents);
        packs.keySet().stream().filter(p -> !stored.contains(p))
                .forEach(p -> problems.add("pack " + p + " is missing (" + packs.get(p).size() + " documents)"));
        List<String> sample = sample(packs.keySet().stream().filter(stored::contains).sorted().toList(), samplePercent);
        long docs = 0;
        for (String p : sample) {
            docs += checkPack(p, packs.get(p), problems);
        }
        return new Report(id, m.documentCount(), packs.size(), sample.size(), docs, List.copyOf(problems));
    }

    /**
     * Rebuilds the tables into a scratch file (format 2: every chunk read and hash checked; format 1: the one
     * file against its hash); returns the snapshot's documents (none when its list cannot be read).
     */
    private List<String> checkTables(Manifest m, TreeReader reader, List<String> problems) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lookervault-tables", ".db");
            if (m.chunked()) {
                Files.delete(tmp);
                TableImages.read(m, tmp, reader);
            } else {
                Puller.tables(repo, m, tmp);
            }
            List<String> documents = reader.documents(m);
            reader.forget();
            return documents;
        } catch (SnapshotException e) {
            problems.add(e.getMessage());
            return List.of();
        } catch (IOException e) {
            throw new SnapshotException("cannot stage the tables file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                tmp.toFile().delete();
            }
        }
    }

    private long checkPack(String pack, List<Map.Entry<String, PackIndex.Entry>> entries, List<String> problems) {
        try {
            byte[] sealed = repo.store().get("packs/" + pack);
            if (!Hashes.sha256(sealed).equals(pack)) {
                problems.add("pack " + pack + " does not match its SHA-256");
                return 0;
            }
            byte[] plain = repo.codec().open(sealed, "pack " + pack);
            for (Map.Entry<String, PackIndex.Entry> e : entries) {
                Puller.slice(pack, plain, e);
            }
            return entries.size();
        } catch (SnapshotException e) {
            problems.add(e.getMessage());
            return 0;
        }
    }

    /** Every k-th pack, spread over the whole snapshot; at least one when there are any. */
    static List<String> sample(List<String> packs, int percent) {
        if (percent >= 100 || packs.isEmpty()) {
            return packs;
        }
        long want = Math.max(1, Math.round(packs.size() * percent / 100.0));
        List<String> out = new ArrayList<>();
        double step = packs.size() / (double) want;
        for (int i = 0; i < want; i++) {
            out.add(packs.get((int) Math.floor(i * step)));
        }
        return out;
    }
}
