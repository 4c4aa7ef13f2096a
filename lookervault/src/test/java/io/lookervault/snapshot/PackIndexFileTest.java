package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index files are written and read as JSON streams (a big vault's index has no room as a tree): round trip, damage. */
class PackIndexFileTest {
    @TempDir
    Path dir;

    @Test
    void indexFilesRoundTripAndMerge() {
        Repo repo = Repo.open(new FileStore(dir), Optional.empty(), false, true);
        Map<String, PackIndex.Entry> first = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            first.put(String.format("%064x", i), new PackIndex.Entry("pack-" + (i % 3), i * 10, 10));
        }
        repo.writeIndex("index/a", first);
        repo.writeIndex("index/b", Map.of(String.format("%064x", 5000), new PackIndex.Entry("pack-9", 0, 7)));
        PackIndex idx = repo.index();
        assertThat(idx.all()).hasSize(1001).containsAllEntriesOf(first);
        assertThat(idx.get(String.format("%064x", 5000))).isEqualTo(new PackIndex.Entry("pack-9", 0, 7));
        assertThat(idx.indexFiles()).containsExactlyInAnyOrder("index/a", "index/b");
    }

    @Test
    void aDamagedIndexIsAClearError() {
        Repo repo = Repo.open(new FileStore(dir), Optional.empty(), false, true);
        repo.write("index/bad", "{\"packs\": {\"p\": [[\"abc\", \"not a number\", 3]]}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(repo::index).isInstanceOf(SnapshotException.class).hasMessageContaining("index index/bad is"
                + " damaged in the store");
    }
}
