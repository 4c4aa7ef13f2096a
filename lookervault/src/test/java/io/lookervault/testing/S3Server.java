package io.lookervault.testing;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A real S3 API server on loopback for the ITs: S3Proxy in-process over its filesystem backend, with SigV4
 * credentials, counting the PUTs it serves (server side, so a test sees what really went over the wire).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private final S3Proxy proxy;
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger multiparts = new AtomicInteger();
    private final java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong putBytes = new java.util.concurrent.atomic.AtomicLong();

    public S3Server(Path baseDir, String bucket) throws Exception {
        FilesystemNio2BlobStore fs = new FilesystemNio2BlobStore(baseDir.toString());
        fs.createContainer(bucket);
        ForwardingBlobStore counting = new ForwardingBlobStore(fs) {
            @Override
            public software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse completeMultipartUpload(
                    org.gaul.s3proxy.blobstore.domain.MultipartUpload upload,
                    software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest request) {
                multiparts.incrementAndGet();
                keys.add(request.key());
                return super.completeMultipartUpload(upload, request);
            }

            @Override
            public PutObjectResponse putBlob(PutObjectRequest request, InputStream in) {
                puts.incrementAndGet();
                keys.add(request.key());
                PutObjectResponse r = super.putBlob(request, in);
                if (request.contentLength() != null) {
                    putBytes.addAndGet(request.contentLength());
                }
                return r;
            }
        };
        proxy = S3Proxy.builder().blobStore(counting).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public int puts() {
        return puts.get();
    }

    /** Distinct object keys written so far (a retried PUT counts once here). */
    public int distinctKeys() {
        return keys.size();
    }

    /** Multipart uploads completed. */
    public int multipartUploads() {
        return multiparts.get();
    }

    public long putBytes() {
        return putBytes.get();
    }

    /** The AWS default chain reads these system properties first (in-process commands cannot set env). */
    public static void useCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
