package io.lookervault.snapshot;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A store in an S3 bucket under a prefix: AWS S3 or any S3-compatible service (MinIO, R2, GCS interoperability)
 * through {@code endpoint} and {@code path_style}. Credentials come only from the AWS default chain (env,
 * profile, instance role). Objects are at most a pack (~16 MB), so one PUT each.
 */
final class S3Store implements BlobStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Store(String bucket, String prefix, StoreOptions options) {
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        S3ClientBuilder b = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(Region.of(options.region()))
                .forcePathStyle(options.pathStyle())
                // S3-compatible stores often reject the SDK's newer default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        options.endpoint().ifPresent(e -> b.endpointOverride(URI.create(e)));
        this.s3 = b.build();
    }

    @Override
    public void put(String key, byte[] data) {
        call("write " + key, () -> s3.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromBytes(data)));
    }

    @Override
    public void putFile(String key, java.nio.file.Path file) {
        call("write " + key, () -> s3.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromFile(file)));
    }

    @Override
    public void getFile(String key, java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
            call("read " + key, () -> s3.getObject(r -> r.bucket(bucket).key(prefix + key),
                    software.amazon.awssdk.core.sync.ResponseTransformer.toFile(file)));
        } catch (java.io.IOException e) {
            throw new SnapshotException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (SnapshotException e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                throw new MissingObjectException(key + " is missing from " + describe());
            }
            throw e;
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return call("read " + key, () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (SnapshotException e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                throw new MissingObjectException(key + " is missing from " + describe());
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String sub) {
        return call("list " + sub, () -> {
            List<String> out = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + sub)).contents()) {
                out.add(o.key().substring(prefix.length()));
            }
            return out;
        });
    }

    @Override
    public void delete(String key) {
        call("delete " + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(prefix + key)));
    }

    private <T> T call(String what, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw new SnapshotException("cannot " + what + " in " + describe() + ": " + firstLine(e.getMessage())
                    + " (check the bucket, endpoint and AWS credentials)", e);
        }
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }
}
