package io.lookervault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock within one JVM; VaultLockIT covers other processes (held, killed with -9) and the CLI. */
class VaultLockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T04:55:01.789Z"), ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlySiblingFileNamingTheJob() throws Exception {
        Path db = dir.resolve("sub/looker.db");
        try (VaultLock lock = VaultLock.acquire(db, "extract", CLOCK)) {
            assertThat(lock.file()).isEqualTo(dir.resolve("sub/looker.db.lock"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.file()))).isEqualTo("rw-------");
            assertThat(VaultLock.Holder.parse(Files.readString(lock.file())))
                    .contains(new VaultLock.Holder("extract", PID, Instant.parse("2026-11-29T04:55:01Z")));
        }
        assertThat(db).doesNotExist();
    }

    @Test
    void aSecondAcquireFailsAtOnceSayingWhoHoldsItAndWhatToDo() {
        Path db = dir.resolve("looker.db");
        try (VaultLock held = VaultLock.acquire(db, "extract", CLOCK)) {
            assertThatThrownBy(() -> VaultLock.acquire(db, "restore", CLOCK))
                    .isInstanceOf(VaultBusyException.class)
                    .hasMessage("vault " + db + " is in use by another LookerVault job (extract, pid " + PID
                            + ", since 2026-11-29T04:55:01Z); wait for it to finish or stop it")
                    .satisfies(e -> assertThat(((VaultBusyException) e).holder()).map(VaultLock.Holder::job)
                            .contains("extract"));
            // the same file by another spelling of its path is the same lock
            assertThatThrownBy(() -> VaultLock.acquire(dir.resolve("x/../looker.db"), "demo", CLOCK))
                    .isInstanceOf(VaultBusyException.class);
        }
    }

    @Test
    void closingReleasesItLeavesTheFileAndASecondCloseDoesNotFreeTheNextHolder() throws Exception {
        Path db = dir.resolve("looker.db");
        VaultLock first = VaultLock.acquire(db, "extract", CLOCK);
        first.close();
        assertThat(VaultLock.lockFile(db)).exists();
        try (VaultLock second = VaultLock.acquire(db, "demo", CLOCK)) {
            first.close();
            assertThatThrownBy(() -> VaultLock.acquire(db, "extract", CLOCK)).isInstanceOf(VaultBusyException.class)
                    .hasMessageContaining("(demo, pid");
            assertThat(Files.readString(second.file())).contains("job=demo");
        }
    }

    @Test
    void vaultsLockIndependently() {
        try (VaultLock a = VaultLock.acquire(dir.resolve("a.db"), "extract", CLOCK);
             VaultLock b = VaultLock.acquire(dir.resolve("b.db"), "extract", CLOCK)) {
            assertThat(a.file()).isNotEqualTo(b.file());
        }
    }

    @Test
    void aLeftoverLockFileOfAFinishedJobDoesNotBlock() throws Exception {
        Path db = dir.resolve("looker.db");
        Files.writeString(VaultLock.lockFile(db), "job=extract\npid=1\nsince=2020-01-01T00:00:00Z\n");
        try (VaultLock lock = VaultLock.acquire(db, "restore", CLOCK)) {
            // overwritten, not appended to
            assertThat(Files.readString(lock.file())).isEqualTo("job=restore\npid=" + PID
                    + "\nsince=2026-11-29T04:55:01Z\n");
        }
    }

    @Test
    void anUnreadableHolderIsAnotherProcess() {
        assertThat(VaultLock.Holder.parse("")).isEmpty();
        assertThat(VaultLock.Holder.parse("job=extract\npid=x\nsince=2020-01-01T00:00:00Z")).isEmpty();
        assertThat(VaultLock.Holder.parse("job=$(rm -rf)\npid=1\nsince=2020-01-01T00:00:00Z")).isEmpty();
        assertThat(new VaultBusyException(Path.of("/x/looker.db"), Optional.empty())).hasMessage(
                "vault /x/looker.db is in use by another LookerVault process; wait for it to finish or stop it");
    }

    @Test
    void anUncreatableLockFileIsAVaultError() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> VaultLock.acquire(notADir.resolve("looker.db"), "extract", CLOCK))
                .isInstanceOf(VaultException.class).isNotInstanceOf(VaultBusyException.class)
                .hasMessageContaining("cannot create the lock file of vault");
    }
}
