package cn.minzheng.audit.chain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The event times ingest believes, relative to the moment a record is ingested: at most
 * {@code maxFutureSkew} ahead of it and at most {@code maxPast} behind it (both inclusive). An
 * event outside is dead-lettered with the reason (issue 14 item 1) — it decodes and could be
 * stored, but a time the producer could not have meant (a clock reset to 1970, a pre-dated
 * approval, a default date) would sort into timelines and statistics where it misleads. The
 * absolute bound of what a record can hold at all is {@link EventTimeRange}, checked first.
 *
 * <p>Why these defaults ({@link #DEFAULT}):
 * <ul>
 * <li>{@code maxFutureSkew} 5 minutes: an event is always created before it is published and
 *     ingested, so only clock skew between the producer's host and this one can make it look
 *     ahead; NTP keeps that to milliseconds, and 5 minutes (Kerberos' default tolerance) still
 *     takes in a host whose clock is badly off without letting a pre-dated decision in. Consumer
 *     lag never matters here: waiting in Kafka only makes an event older.</li>
 * <li>{@code maxPast} 30 years: the trail may take in late events — a replayed topic, a migrated
 *     legacy case file (旧系统迁移) whose history is republished — and the longest fixed-term
 *     retention of administrative files is 30 years (定期30年; older matters are kept
 *     permanently in the archive, not replayed as events). Anything older is not a platform
 *     event but a broken clock or a placeholder date. Years, not days: a window in days would
 *     dead-letter legitimate replays after an outage; a window in decades still catches the
 *     1970/0001 defaults.</li>
 * </ul>
 * Plain Java: the ingest moment is passed in, so the rule is tested without a clock.
 */
public record EventTimeWindow(Duration maxFutureSkew, Period maxPast) {

    public static final EventTimeWindow DEFAULT = new EventTimeWindow(Duration.ofMinutes(5), Period.ofYears(30));

    public EventTimeWindow {
        if (maxFutureSkew == null || maxPast == null) {
            throw new IllegalArgumentException("an event time window needs max-future-skew and max-past");
        }
        if (maxFutureSkew.isNegative() || maxPast.isNegative()) {
            throw new IllegalArgumentException("max-future-skew and max-past are not negative (" + maxFutureSkew
                    + ", " + maxPast + ")");
        }
    }

    /** The latest event time believed when ingesting at {@code ingestedAt}. */
    public Instant latest(Instant ingestedAt) {
        try {
            return ingestedAt.plus(maxFutureSkew);
        } catch (DateTimeException | ArithmeticException beyondAnyInstant) {
            return Instant.MAX;
        }
    }

    /** The earliest event time believed when ingesting at {@code ingestedAt} (calendar years, UTC). */
    public Instant earliest(Instant ingestedAt) {
        try {
            return ingestedAt.atOffset(ZoneOffset.UTC).minus(maxPast).toInstant();
        } catch (DateTimeException | ArithmeticException beforeAnyInstant) {
            return Instant.MIN;
        }
    }

    /** Why an event of {@code time} ingested at {@code ingestedAt} is not believed; empty when it is. */
    public Optional<String> refusal(Instant time, Instant ingestedAt) {
        if (time.isAfter(latest(ingestedAt))) {
            return Optional.of("event time " + time + " is more than " + maxFutureSkew + " ahead of ingest time "
                    + ingestedAt + " (minzheng.audit.ingest.event-time.max-future-skew)");
        }
        if (time.isBefore(earliest(ingestedAt))) {
            return Optional.of("event time " + time + " is more than " + maxPast + " before ingest time "
                    + ingestedAt + " (minzheng.audit.ingest.event-time.max-past)");
        }
        return Optional.empty();
    }
}
