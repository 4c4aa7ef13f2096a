package io.lookervault.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lookervault.testing.S3Server;
import io.lookervault.vault.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big objects go up in parts against a real S3 API (S3Proxy) and come back whole; small ones in one PUT. */
class S3StoreIT {
    @TempDir
    Path dir;

    @Test
    void objectsOverTheThresholdAreUploadedInPartsAndReadBackWhole() throws Exception {
        Files.createDirectories(dir.resolve("s3"));
        try (S3Server s3 = new S3Server(dir.resolve("s3"), "backups")) {
            S3Server.useCredentials();
            StoreOptions opts = new StoreOptions(Optional.of(s3.endpoint()), "us-east-1", true);
            // S3 wants parts of at least 5 MB but the last
            try (S3Store store = new S3Store("backups", "multi", opts, 6 << 20, 5 << 20)) {
                byte[] big = new byte[(11 << 20) + 123];
                new Random(7).nextBytes(big);
                store.put("packs/big", big);
                assertThat(s3.multipartUploads()).isEqualTo(1);
                assertThat(Hashes.sha256(store.get("packs/big"))).isEqualTo(Hashes.sha256(big));

                Path file = dir.resolve("big.bin");
                Files.write(file, big);
                store.putFile("tables/big", file);
                assertThat(s3.multipartUploads()).isEqualTo(2);
                Path back = dir.resolve("back.bin");
                store.getFile("tables/big", back);
                assertThat(Hashes.sha256(Files.readAllBytes(back))).isEqualTo(Hashes.sha256(big));

                store.put("small", new byte[] {1, 2, 3});
                assertThat(s3.multipartUploads()).as("small objects: one PUT").isEqualTo(2);
                assertThat(store.get("small")).containsExactly(1, 2, 3);
            }
        }
    }
}
