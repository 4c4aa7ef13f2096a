package io.lookervault.snapshot;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Opens a store from its URL: {@code s3://bucket/prefix} or {@code file:///path}. */
public final class Stores {
    private Stores() {}

    public static BlobStore open(String url, StoreOptions options) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SnapshotException("snapshot store '" + url + "' is not a URL: use s3://bucket/prefix or"
                    + " file:///path");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file") && uri.getPath() != null && !uri.getPath().isEmpty()) {
            return new FileStore(Path.of(uri));
        }
        if (scheme.equals("s3") && uri.getHost() != null) {
            String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
            return new S3Store(uri.getHost(), prefix, options);
        }
        throw new SnapshotException("snapshot store '" + url + "' is not supported: use s3://bucket/prefix or"
                + " file:///absolute/path");
    }
}
