package io.lookervault.snapshot;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** How every object goes into the store: zstd, then (when the store is encrypted) age. The store never sees plaintext. */
final class Codec {
    private static final int LEVEL = 6;
    private final Optional<AgeKey> key;

    Codec(Optional<AgeKey> key) {
        this.key = key;
    }

    boolean encrypted() {
        return key.isPresent();
    }

    byte[] seal(byte[] plain) {
        byte[] packed = Zstd.compress(plain, LEVEL);
        return key.map(k -> k.encrypt(packed)).orElse(packed);
    }

    /** @param what names the object in errors, e.g. "pack 1a2b…" */
    byte[] open(byte[] sealed, String what) {
        byte[] packed = key.isPresent() ? key.get().decrypt(sealed, what) : sealed;
        try {
            long size = Zstd.getFrameContentSize(packed);
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new SnapshotException(what + " is damaged in the store (not a whole zstd frame)");
            }
            return Zstd.decompress(packed, (int) size);
        } catch (ZstdException | IllegalArgumentException e) {
            throw new SnapshotException(what + " is damaged in the store (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Seals a file into another, streaming (the tables file of a big vault does not fit the heap).
     *
     * @return SHA-256 of the plaintext
     */
    String sealFile(Path in, Path out) {
        try (InputStream src = Files.newInputStream(in);
             DigestInputStream digest = new DigestInputStream(src, MessageDigest.getInstance("SHA-256"));
             // closing z closes (and so finishes) the age stream and the file under it, once
             ZstdOutputStream z = new ZstdOutputStream(key.isPresent()
                     ? key.get().encryptingStream(Files.newOutputStream(out)) : Files.newOutputStream(out), LEVEL)) {
            digest.transferTo(z);
            z.flush();
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new SnapshotException("cannot seal " + in + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a sealed file into another, streaming.
     *
     * @return SHA-256 of the plaintext written
     */
    String openFile(Path sealed, Path out, String what) {
        try (InputStream raw = Files.newInputStream(sealed);
             DigestInputStream digest = new DigestInputStream(new ZstdInputStream(key.isPresent()
                     ? key.get().decryptingStream(raw, what) : raw), MessageDigest.getInstance("SHA-256"));
             OutputStream sink = Files.newOutputStream(out)) {
            digest.transferTo(sink);
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (SnapshotException e) {
            throw e;
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            throw new SnapshotException(what + " cannot be opened: it was altered or truncated in the store, or"
                    + " this is not its key (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
