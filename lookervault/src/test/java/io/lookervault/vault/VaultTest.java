package io.lookervault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lookervault.job.RunMode;
import io.lookervault.job.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
    @TempDir
    Path dir;

    private static WriteOp.Fetched item(String id, String json) {
        return WriteOp.Fetched.of("looks", id, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null,
                null);
    }

    private long run(Vault v, WriteOp... ops) throws Exception {
        long run = v.startRun("http://x", RunMode.FULL, "{}", "t").runId();
        try (VaultWriter w = v.writer(run, 16, null)) {
            for (WriteOp op : ops) {
                w.submit(op);
            }
        }
        v.setStatus(run, RunStatus.COMPLETED);
        return run;
    }

    @Test
    void createsOwnerOnlyFileWithSchemaVersionAndReopens() throws Exception {
        Path p = dir.resolve("sub/v.db");
        Vault.open(p).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        try (Vault v = Vault.open(p)) {
            assertThat(v.countRows("schema_version")).isEqualTo(Schema.MIGRATIONS.size());
        }
    }

    @Test
    void aDocumentIsStoredAsUtf8TextThatSqliteJsonFunctionsRead() throws Exception {
        Path p = dir.resolve("v.db");
        String doc = "{\"id\":\"1\",\"title\":\"Caf\u00e9 \u65e5\u672c \ud83d\udcca\"}";
        try (Vault v = Vault.open(p)) {
            run(v, item("1", doc), new WriteOp.TypeDone("looks", true, true));
            assertThat(v.latestJson("looks", "1")).contains(doc);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement();
             var rs = s.executeQuery("SELECT typeof(json), json_extract(json, '$.title'), hash FROM blobs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("text"); // not a blob: text functions and exports read it
            assertThat(rs.getString(2)).isEqualTo("Caf\u00e9 \u65e5\u672c \ud83d\udcca");
            assertThat(rs.getString(3)).isEqualTo(Hashes.sha256(doc));
        }
    }

    @Test
    void limitHistoryIsKeptPerSegmentOfARunAndReadBackByTheReader() throws Exception {
        Path p = dir.resolve("v.db");
        RunLimits first = new RunLimits(0, "auto", 4, 16, 16, List.of(new RunLimits.Point(0, 4),
                new RunLimits.Point(1, 11), new RunLimits.Point(2, 16)));
        RunLimits resumed = new RunLimits(0, "fixed", 8, 8, 8, List.of(new RunLimits.Point(0, 8)));
        long id;
        try (Vault v = Vault.open(p)) {
            id = run(v);
            long other = run(v);
            v.recordLimits(id, first);
            v.recordLimits(id, resumed);
            assertThat(v.limits(other)).isEmpty();
        }
        try (VaultReader r = VaultReader.open(p)) {
            List<RunLimits> got = r.limits(id);
            assertThat(got).extracting(RunLimits::segment).containsExactly(1, 2);
            assertThat(got.get(0)).isEqualTo(new RunLimits(1, "auto", 4, 16, 16, first.timeline()));
            assertThat(got.get(1)).isEqualTo(new RunLimits(2, "fixed", 8, 8, 8, resumed.timeline()));
        }
    }

    @Test
    void aVaultFromBeforeTheLimitHistoryReadsAsNoHistory() throws Exception {
        Path p = dir.resolve("v.db");
        long id;
        try (Vault v = Vault.open(p)) {
            id = run(v);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            s.execute("DROP TABLE run_limits");
            s.execute("DROP TABLE secrets_sent"); // migrations 5 and 6 came later
            s.execute("DROP INDEX id_map_dest");
            s.execute("DELETE FROM schema_version WHERE version>=4");
        }
        try (VaultReader r = VaultReader.open(p)) {
            assertThat(r.limits(id)).isEmpty(); // a read-only look does not migrate
        }
        try (Vault v = Vault.open(p)) {
            assertThat(v.countRows("schema_version")).isEqualTo(Schema.MIGRATIONS.size()); // opening for writing does
            assertThat(v.limits(id)).isEmpty();
        }
    }

    @Test
    void closingAfterARunLeavesTheWholeRunInTheMainFileWithNoWal() throws Exception {
        // regression: the writer's connection stayed open, so the end of every run lived only in looker.db-wal
        Path p = dir.resolve("v.db");
        try (Vault v = Vault.open(p)) {
            run(v, item("1", "{\"a\":1}"), new WriteOp.TypeDone("looks", true, true));
        }
        assertThat(dir.resolve("v.db-wal")).doesNotExist();
        try (Vault v = Vault.open(p)) {
            assertThat(v.countRows("versions")).isEqualTo(1);
        }
    }

    @Test
    void documentsWaitingForTheWriterAreBoundedByBytesNotOnlyByCount() throws Exception {
        java.util.concurrent.CountDownLatch inHook = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String big = "{\"t\":\"" + "x".repeat(VaultWriter.MAX_QUEUED_BYTES * 2 / 3) + "\"}";
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            long run = v.startRun("http://x", RunMode.FULL, "{}", "t").runId();
            try (VaultWriter w = v.writer(run, 2048, n -> {
                inHook.countDown();
                try {
                    release.await(); // the writer is stuck here, as behind a slow disk
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })) {
                w.submit(item("0", "{}"));
                inHook.await();
                w.submit(item("1", big)); // two thirds of the budget: queued at once
                Thread second = new Thread(() -> {
                    try {
                        w.submit(item("2", big));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                second.start();
                while (second.isAlive() && second.getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                }
                assertThat(second.getState()).as("waits for room, though the queue holds 2 of its 2,048 ops")
                        .isEqualTo(Thread.State.TIMED_WAITING);
                release.countDown();
                second.join();
            }
            assertThat(v.json("looks", "2", run)).contains(big);
        }
    }

    @Test
    void versionsAreStoredOnceAndAnUnchangedRunAddsNoRows() throws Exception {
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            long r1 = run(v, item("1", "{\"a\":1}"), item("2", "{\"a\":1}"), new WriteOp.TypeDone("looks", true, true));
            assertThat(v.countRows("blobs")).isEqualTo(1);
            assertThat(v.countRows("versions")).isEqualTo(2);
            assertThat(v.computeCounts(r1, "looks")).isEqualTo(new TypeCounts(2, 2, 0, 0, 0, 0));
            long r2 = run(v, item("1", "{\"a\":1}"), item("2", "{\"a\":1}"), new WriteOp.TypeDone("looks", true, true));
            assertThat(v.countRows("versions")).isEqualTo(2);
            assertThat(v.computeCounts(r2, "looks")).isEqualTo(new TypeCounts(2, 0, 0, 2, 0, 0));
        }
    }

    @Test
    void changesAndDeletionsKeepHistoryAndAnyPastStateIsOneQueryAway() throws Exception {
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            long r1 = run(v, item("1", "{\"v\":1}"), item("2", "{\"x\":1}"), new WriteOp.TypeDone("looks", true, true));
            long r2 = run(v, item("1", "{\"v\":2}"), item("3", "{\"n\":1}"), new WriteOp.TypeDone("looks", true, true));
            assertThat(v.snapshot("looks", r1)).containsOnlyKeys("1", "2");
            assertThat(v.snapshot("looks", r2)).containsOnlyKeys("1", "3");
            assertThat(v.json("looks", "1", r1)).contains("{\"v\":1}");
            assertThat(v.json("looks", "1", r2)).contains("{\"v\":2}");
            assertThat(v.json("looks", "2", r2)).isEmpty();
            assertThat(v.json("looks", "2", r1)).contains("{\"x\":1}");
            assertThat(v.history("looks", "1")).containsExactly(new long[] {r1, r2}, new long[] {r2, 0});
            assertThat(v.computeCounts(r2, "looks")).isEqualTo(new TypeCounts(2, 1, 1, 0, 1, 0));
            long r3 = run(v, item("2", "{\"x\":1}"), new WriteOp.TypeDone("looks", true, false));
            assertThat(v.snapshot("looks", r3)).containsOnlyKeys("1", "2", "3");
            assertThat(v.computeCounts(r3, "looks").changed()).as("a re-appearing item is a new version").isEqualTo(1);
        }
    }

    @Test
    void failedItemIsNotTombstonedIsListedAndResolvedByALaterRun() throws Exception {
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            run(v, item("1", "{}"), item("2", "{}"), new WriteOp.TypeDone("looks", true, true));
            long r2 = run(v, item("1", "{}"), new WriteOp.Failed("looks", "2", "fetch", 404, "Not found", 1),
                    new WriteOp.TypeDone("looks", true, true));
            assertThat(v.snapshot("looks", r2)).containsOnlyKeys("1", "2");
            assertThat(v.failures(r2)).extracting(FailureRecord::id).containsExactly("2");
            assertThat(v.computeCounts(r2, "looks")).isEqualTo(new TypeCounts(2, 0, 0, 1, 0, 1));
            assertThat(v.openFailures("looks")).hasSize(1);
            run(v, item("2", "{}"));
            assertThat(v.openFailures("looks")).isEmpty();
        }
    }

    @Test
    void unfinishedRunIsResumableUntilItEnds() throws Exception {
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            long r1 = v.startRun("http://x", RunMode.FULL, "{}", "t").runId();
            assertThat(v.unfinishedRun("http://x")).map(RunRecord::runId).contains(r1);
            assertThat(v.unfinishedRun("http://other")).isEmpty();
            v.endSegment(r1, RunStatus.INTERRUPTED, "t", 10, 5, 1, 0, Map.of());
            v.endSegment(r1, RunStatus.COMPLETED, "t", 10, 5, 1, 0, Map.of("looks", new TypeCounts(1, 1, 0, 0, 0, 0)));
            assertThat(v.unfinishedRun("http://x")).isEmpty();
            RunRecord r = v.run(r1).orElseThrow();
            assertThat(r.requests()).as("segments add up").isEqualTo(10);
            assertThat(v.storedCounts(r1)).containsKey("looks");
        }
    }

    @Test
    void aWriterThatDiesMidRunLeavesOnlyWholeCommitsAndReportsItsFailure() throws Exception {
        try (Vault v = Vault.open(dir.resolve("v.db"))) {
            long run = v.startRun("http://x", RunMode.FULL, "{}", "t").runId();
            VaultWriter w = v.writer(run, 4, n -> {
                throw new IllegalStateException("simulated crash after " + n);
            });
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    w.submit(item(Integer.toString(i), "{\"i\":" + i + "}"));
                }
                w.close();
            }).isInstanceOf(VaultException.class).hasMessageContaining("simulated crash");
            long items = v.countRows("items");
            assertThat(items).isPositive().isLessThan(100);
            assertThat(v.countRows("versions")).isEqualTo(items);
            assertThat(v.known("looks", List.of("0")).get("0").lastSeenRun()).isEqualTo(run);
        }
    }
}
