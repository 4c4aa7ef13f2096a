package io.lookervault.looker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads GitHub-style {@code Link} headers as Looker sends them on paged lists. */
final class LinkHeader {
    // URLs may hold commas (fields=id,title), so match whole <...>; rel=... entries instead of splitting.
    private static final Pattern ENTRY = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?");

    private LinkHeader() {}

    static Optional<String> rel(Optional<String> header, String rel) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ENTRY.matcher(header.get());
        while (m.find()) {
            if (m.group(2).equalsIgnoreCase(rel)) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
