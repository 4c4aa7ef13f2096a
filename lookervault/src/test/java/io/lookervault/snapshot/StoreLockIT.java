package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.testing.S3Server;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store lock against a real S3 API (S3Proxy): who may run beside whom, races, crashed holders. */
class StoreLockIT {
    @TempDir
    static Path dir;
    static S3Server s3;
    static final Clock T0 = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3Server(dir, "backups");
        S3Server.useCredentials();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    static BlobStore store(String prefix) {
        return Stores.open("s3://backups/" + prefix, new StoreOptions(Optional.of(s3.endpoint()), "us-east-1", true));
    }

    @Test
    void pushesShareTheStoreAndPruneRunsAlone() {
        try (BlobStore store = store("share")) {
            StoreLock push1 = StoreLock.acquire(store, StoreLock.Kind.SHARED, "push one", T0, false);
            StoreLock push2 = StoreLock.acquire(store, StoreLock.Kind.SHARED, "push two", T0, false);
            assertThatThrownBy(() -> StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "prune", T0, false))
                    .isInstanceOf(SnapshotException.Refused.class).hasMessageContaining("push one")
                    .hasMessageContaining("--force-unlock");
            push1.close();
            push2.close();
            try (StoreLock prune = StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "prune", T0, false)) {
                assertThatThrownBy(() -> StoreLock.acquire(store, StoreLock.Kind.SHARED, "push", T0, false))
                        .isInstanceOf(SnapshotException.Refused.class).hasMessageContaining("exclusive lock of prune");
                assertThatThrownBy(() -> StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "prune 2", T0, false))
                        .isInstanceOf(SnapshotException.Refused.class);
            }
            assertThat(store.list("locks/")).isEmpty();
        }
    }

    @Test
    void twoPrunesStartingTogetherNeverBothRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BlobStore store = store("race")) {
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<StoreLock>> tries = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String owner = "prune " + i;
                    tries.add(pool.submit(() -> {
                        go.await();
                        try {
                            return StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, owner, T0, false);
                        } catch (SnapshotException.Refused e) {
                            return null;
                        }
                    }));
                }
                go.countDown();
                List<StoreLock> won = new ArrayList<>();
                for (Future<StoreLock> f : tries) {
                    StoreLock l = f.get(60, TimeUnit.SECONDS);
                    if (l != null) {
                        won.add(l);
                    }
                }
                assertThat(won).hasSizeLessThanOrEqualTo(1);
                won.forEach(StoreLock::close);
                assertThat(store.list("locks/")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCrashedHoldersLockGoesStaleOrIsForcedAway() {
        try (BlobStore store = store("stale")) {
            StoreLock.acquire(store, StoreLock.Kind.SHARED, "killed push", T0, false); // never closed: killed
            Clock soon = Clock.offset(T0, StoreLock.STALE.minusMinutes(1));
            assertThatThrownBy(() -> StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "prune", soon, false))
                    .isInstanceOf(SnapshotException.Refused.class);
            Clock later = Clock.offset(T0, StoreLock.STALE.plusMinutes(1));
            StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "prune", later, false).close();
            assertThat(store.list("locks/")).isEmpty();

            StoreLock.acquire(store, StoreLock.Kind.EXCLUSIVE, "killed prune", T0, false);
            assertThat(StoreLock.forceUnlock(store)).isEqualTo(1);
            StoreLock.acquire(store, StoreLock.Kind.SHARED, "push", T0, false).close();
        }
    }
}
