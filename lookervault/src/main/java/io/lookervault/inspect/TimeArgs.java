package io.lookervault.inspect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the DATE[TIME] arguments of {@code --as-of} and {@code --changed-since} into the UTC form the vault
 * stores run times in, so they compare as strings. Stateless and thread-safe.
 */
public final class TimeArgs {
    /** Fixed width with nanoseconds, so string order equals time order against stored {@code Instant} strings. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TimeArgs() {}

    /**
     * The instant {@code text} names, as a sortable UTC string. A bare date means the start of that day, or with
     * {@code endOfDay} its last instant (so {@code --as-of 2026-03-03} includes the runs of that day). A time
     * without a zone is UTC.
     *
     * @throws IllegalArgumentException when the text is not a date or date-time
     */
    public static String instant(String text, boolean endOfDay) {
        String t = text.strip().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                return UTC.format(endOfDay ? start.plusSeconds(86_400).minusNanos(1) : start);
            }
            try {
                return UTC.format(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException noZone) {
                return UTC.format(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2026-03-03) or date-time"
                    + " (2026-03-03T14:00, 2026-03-03T14:00:00+01:00; UTC when no zone is given)");
        }
    }
}
