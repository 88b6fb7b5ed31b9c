package cn.minzheng.audit.chain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The event times a trail record holds: {@code earliest..latest}, both inclusive. A record's time
 * is kept as its RFC 3339 text and also as epoch milliseconds for search and statistics; a
 * well-formed event can still carry a time neither holds (RFC 3339 has four-digit years; a year
 * past about 292 million overflows the milliseconds and froze ingest, issue 14). Such an event is
 * refused before it reaches the store, with the reason, instead of being retried without end.
 *
 * <p>The default, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, is the span of four-digit
 * years from the epoch on: no event of this platform predates it, and every value in it has a
 * plain RFC 3339 form, a JavaScript {@code Date} and a BSON date.
 */
public record EventTimeRange(Instant earliest, Instant latest) {

    /** The widest range a configuration may set: what RFC 3339's four-digit years can write. */
    public static final Instant FIRST_WRITABLE = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LAST_WRITABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final EventTimeRange DEFAULT = new EventTimeRange(Instant.EPOCH,
            Instant.parse("9999-12-31T23:59:59.999Z"));

    public EventTimeRange {
        if (earliest == null || latest == null) {
            throw new IllegalArgumentException("an event time range needs both ends");
        }
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest " + earliest + " is after latest " + latest);
        }
        if (earliest.isBefore(FIRST_WRITABLE) || latest.isAfter(LAST_WRITABLE)) {
            throw new IllegalArgumentException("an event time range lies within years 0000..9999");
        }
    }

    /** Why the trail cannot hold an event of this time; empty when it can. */
    public Optional<String> refusal(String time) {
        Instant at;
        try {
            at = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            return Optional.of("event time " + shown(time) + " is not an RFC 3339 timestamp");
        }
        if (at.isBefore(earliest) || at.isAfter(latest)) {
            return Optional.of("event time " + time + " is outside the range the trail holds (" + earliest + " .. "
                    + latest + ")");
        }
        return Optional.empty();
    }

    private static String shown(String text) {
        if (text == null) {
            return "(none)";
        }
        return '"' + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + '"';
    }
}
