package io.lookervault.config;

import java.util.Optional;

/**
 * {@code [snapshot]}: where {@code snapshot push} sends the vault and how. No credentials here: S3 ones come
 * from the AWS default chain, the age key from {@code LOOKERVAULT_SNAPSHOT_KEY}.
 *
 * @param url       {@code s3://bucket/prefix} or {@code file:///path}
 * @param endpoint  an S3-compatible endpoint (MinIO, R2, GCS interoperability), else AWS
 * @param pathStyle path-style bucket URLs (MinIO, S3Proxy)
 * @param encrypt   age-encrypt every object of a new store
 */
public record SnapshotSettings(Optional<String> url, Optional<String> endpoint, String region, boolean pathStyle,
                               boolean encrypt) {
    public static SnapshotSettings defaults() {
        return new SnapshotSettings(Optional.empty(), Optional.empty(), "us-east-1", false, false);
    }
}
