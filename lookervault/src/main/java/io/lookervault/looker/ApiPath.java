package io.lookervault.looker;

/**
 * The one place request paths are built: every segment is percent-encoded, so an id such as
 * {@code model::name}, a name with a slash or a space stays one segment whatever code builds the path.
 */
public final class ApiPath {
    private ApiPath() {}

    /** {@code /a/b/c} relative to /api/4.0 from its segments (ids, names or fixed words), each encoded. */
    public static String of(Object... segments) {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (s == null) {
                throw new IllegalArgumentException("a path segment is missing in " + b + "/…");
            }
            b.append('/').append(PathSegments.encode(s.toString()));
        }
        return b.toString();
    }
}
