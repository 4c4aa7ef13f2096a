package io.lookervault.snapshot;

import java.util.Optional;

/**
 * How to reach an S3-compatible store, from {@code [snapshot]}: a custom endpoint (MinIO, R2, GCS), its
 * region and whether it wants path-style URLs. Never credentials: those come from the AWS default chain.
 */
public record StoreOptions(Optional<String> endpoint, String region, boolean pathStyle) {
    public static StoreOptions defaults() {
        return new StoreOptions(Optional.empty(), "us-east-1", false);
    }
}
