package io.lookervault.looker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one path segment (ids such as {@code model::name} must stay one segment). */
public final class PathSegments {
    private PathSegments() {}

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
