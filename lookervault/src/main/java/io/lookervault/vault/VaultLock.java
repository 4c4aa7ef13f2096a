package io.lookervault.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * One job at a time per vault: an exclusive OS lock on the sibling file {@code <vault>.lock}, taken before the
 * vault is opened and released after it is closed. The OS drops the lock when the process dies, so a crashed
 * (even kill -9) job never blocks the next one; the file itself stays, because deleting it races with a job
 * that has just opened it. Thread-safe: {@link #acquire} may be called from any thread; {@link #close} is
 * idempotent.
 */
public final class VaultLock implements AutoCloseable {
    /**
     * Lock files this JVM holds. On POSIX, closing ANY descriptor of a file drops every lock this process has
     * on it, so a second attempt (or reading the holder) in the same JVM must never open a held file: it
     * would silently free the lock for other processes.
     */
    private static final Map<Object, Holder> HELD = new ConcurrentHashMap<>();
    private static final Pattern JOB = Pattern.compile("[a-z][a-z -]{0,40}");

    private final Path file;
    private final Object key;
    private final FileChannel channel;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What the lock file says about the job holding it. */
    public record Holder(String job, long pid, Instant since) {
        String text() {
            return "job=" + job + "\npid=" + pid + "\nsince=" + since + "\n";
        }

        static Optional<Holder> parse(String text) {
            Map<String, String> kv = new HashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            try {
                String job = kv.getOrDefault("job", "");
                return JOB.matcher(job).matches() ? Optional.of(new Holder(job, Long.parseLong(kv.get("pid")),
                        Instant.parse(kv.get("since")))) : Optional.empty();
            } catch (NumberFormatException | NullPointerException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private VaultLock(Path file, Object key, FileChannel channel) {
        this.file = file;
        this.key = key;
        this.channel = channel;
    }

    /**
     * The lock file of the vault at {@code vault}: {@code <file name>.lock} beside it. A process holding the
     * lock must not open it (see {@link #HELD}); other processes may read it.
     */
    public static Path lockFile(Path vault) {
        return vault.resolveSibling(vault.getFileName() + ".lock");
    }

    /**
     * Takes the lock of the vault at {@code vault} for {@code job} (e.g. "extract"), or fails at once.
     *
     * @throws VaultBusyException another job (in this or another process) holds it
     * @throws VaultException     the lock file cannot be created or locked
     */
    public static synchronized VaultLock acquire(Path vault, String job, Clock clock) {
        // synchronized: creating the file opens and closes it, which must not overlap another thread's lock
        Path file = lockFile(canonical(vault));
        Holder me = new Holder(job, ProcessHandle.current().pid(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Object key = identity(vault, file);
        Holder inJvm = HELD.putIfAbsent(key, me);
        if (inJvm != null) {
            throw new VaultBusyException(vault, Optional.of(inJvm));
        }
        try {
            return lock(vault, file, key, me);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /**
     * The vault's one true path: symbolic links (of the file or of a folder on its way) resolved, so that
     * every name of the vault leads to the same lock file. A hard link has no such name, so a vault with
     * more than one is refused: two jobs could otherwise write it under two locks.
     */
    static Path canonical(Path vault) {
        Path abs = vault.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                Object links = Files.getFileStore(abs).supportsFileAttributeView("unix")
                        ? Files.getAttribute(abs, "unix:nlink") : 1;
                if (links instanceof Integer n && n > 1) {
                    throw new VaultException("vault " + vault + " has " + n + " hard links, so one lock cannot"
                            + " guard it: remove the other links (or copy the file) and use one name", null);
                }
                return abs.toRealPath();
            }
            Path parent = abs.getParent();
            return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    /** The lock file's identity (device + inode where the OS has one), so links to it count as the same. */
    private static Object identity(Path vault, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, ownerOnly());
            } catch (FileAlreadyExistsException existing) {
                // the usual case: an earlier job left it
            }
            Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return inode != null ? inode : file.toRealPath();
        } catch (IOException e) {
            throw new VaultException("cannot create the lock file of vault " + vault + " (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    private static VaultLock lock(Path vault, Path file, Object key, Holder me) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly());
            FileLock lock = tryLock(ch);
            if (lock == null) {
                Optional<Holder> other = readHolder(ch);
                ch.close();
                throw new VaultBusyException(vault, other);
            }
            // overwrite only once we hold it: the previous holder's text must stay until then
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new VaultLock(file, key, ch);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new VaultException("cannot lock vault " + vault + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            // HELD keeps this from happening; if it still does, the file is busy all the same
            return null;
        }
    }

    private static Optional<Holder> readHolder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            ch.read(buf, 0);
            return Holder.parse(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to release: closing drops the OS lock
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (closing the channel drops it even on an interrupted thread); the file stays. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(channel);
            HELD.remove(key);
        }
    }
}
