package io.lookervault.snapshot;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
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
}
