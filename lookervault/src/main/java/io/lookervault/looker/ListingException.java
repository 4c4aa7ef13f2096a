package io.lookervault.looker;

/**
 * A list that cannot be trusted to end: the server repeats pages (it ignores {@code offset}) or lists more
 * items than any Looker holds. Permanent for this run: asking again would page the same way, so the listing
 * stops and the type ends incomplete.
 */
public class ListingException extends LookerException {
    public ListingException(String path, String message) {
        super("GET", path, 200, "GET " + path + ": " + message, null);
    }
}
