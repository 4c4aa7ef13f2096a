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
 * profile, instance role). Objects up to {@link #MULTIPART_THRESHOLD} go in one PUT (a pack is ~16 MB); bigger
 * ones (a pack holding one huge document) in parts of {@link #PART_SIZE}, so a failed part is retried alone and
 * nothing is limited by S3's 5 GB single-PUT cap. An upload that fails is aborted, leaving no parts billed.
 */
final class S3Store implements BlobStore {
    static final int MULTIPART_THRESHOLD = 32 << 20;
    static final int PART_SIZE = 16 << 20;

    private final S3Client s3;
    private final int threshold;
    private final int partSize;
    private final String bucket;
    private final String prefix;

    S3Store(String bucket, String prefix, StoreOptions options) {
        this(bucket, prefix, options, MULTIPART_THRESHOLD, PART_SIZE);
    }

    /** With a smaller threshold and part size (tests: S3 parts but the last are at least 5 MB). */
    S3Store(String bucket, String prefix, StoreOptions options, int threshold, int partSize) {
        this.threshold = threshold;
        this.partSize = partSize;
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
        if (data.length > threshold) {
            // a copy per part: fromByteBuffer of a wrapped slice sends from the array's start, not the slice's
            multipart(key, data.length, (offset, len) -> RequestBody.fromBytes(
                    java.util.Arrays.copyOfRange(data, (int) offset, (int) offset + len)));
            return;
        }
        call("write " + key, () -> s3.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromBytes(data)));
    }

    @Override
    public void putFile(String key, java.nio.file.Path file) {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size > threshold) {
            multipart(key, size, (offset, len) -> RequestBody.fromBytes(readPart(file, offset, len)));
            return;
        }
        call("write " + key, () -> s3.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromFile(file)));
    }

    /** One part's body, from its offset and length. */
    private interface Parts {
        RequestBody part(long offset, int length);
    }

    private void multipart(String key, long size, Parts parts) {
        String k = prefix + key;
        String upload = call("start a multipart upload of " + key, () -> s3.createMultipartUpload(r -> r.bucket(bucket)
                .key(k)).uploadId());
        try {
            List<software.amazon.awssdk.services.s3.model.CompletedPart> done = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int len = (int) Math.min(partSize, size - offset);
                int number = done.size() + 1;
                RequestBody body = parts.part(offset, len);
                String etag = call("write part " + number + " of " + key, () -> s3.uploadPart(r -> r.bucket(bucket).key(k)
                        .uploadId(upload).partNumber(number), body).eTag());
                done.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(number).eTag(etag)
                        .build());
            }
            call("finish the multipart upload of " + key, () -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(k)
                    .uploadId(upload).multipartUpload(m -> m.parts(done))));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(k).uploadId(upload));
            } catch (SdkException ignored) {
                // the upload's parts expire with the bucket's lifecycle rule, if any; the error below matters more
            }
            throw e;
        }
    }

    private static byte[] readPart(java.nio.file.Path file, long offset, int len) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(len);
            while (buf.hasRemaining() && ch.read(buf, offset + buf.position()) > 0) {
                // read until the part is whole
            }
            return buf.array();
        } catch (java.io.IOException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), e);
        }
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
