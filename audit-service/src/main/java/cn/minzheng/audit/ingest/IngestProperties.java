package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.EventTimeRange;
import cn.minzheng.audit.chain.EventTimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.audit.ingest.*} as far as the ingest code reads it (the listener takes
 * {@code enabled}, {@code topic-pattern} and {@code group-id} through placeholders).
 *
 * @param eventTime the event times the trail takes in; an event outside them is dead-lettered: the
 *                  window around the ingest moment (default {@link EventTimeWindow#DEFAULT}: 5 minutes
 *                  ahead, 30 years behind) and, as a second check, the absolute range a record can
 *                  hold (default {@link EventTimeRange#DEFAULT}: 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z)
 */
@ConfigurationProperties("minzheng.audit.ingest")
public record IngestProperties(EventTime eventTime) {

    public IngestProperties {
        eventTime = eventTime == null ? new EventTime(null, null, null, null) : eventTime;
    }

    /**
     * {@code minzheng.audit.ingest.event-time.*}.
     *
     * @param maxFutureSkew how far ahead of the ingest moment an event time may lie ({@code PT5M}, {@code 5m})
     * @param maxPast       how far before it ({@code P30Y}, {@code 30y}; calendar years in UTC)
     * @param earliest      absolute lower bound, RFC 3339 instant, inclusive (what a record can hold)
     * @param latest        absolute upper bound, inclusive
     */
    public record EventTime(Duration maxFutureSkew, Period maxPast, Instant earliest, Instant latest) {
    }

    EventTimeWindow eventTimeWindow() {
        return new EventTimeWindow(
                eventTime.maxFutureSkew() == null ? EventTimeWindow.DEFAULT.maxFutureSkew() : eventTime.maxFutureSkew(),
                eventTime.maxPast() == null ? EventTimeWindow.DEFAULT.maxPast() : eventTime.maxPast());
    }

    EventTimeRange eventTimeRange() {
        return new EventTimeRange(
                eventTime.earliest() == null ? EventTimeRange.DEFAULT.earliest() : eventTime.earliest(),
                eventTime.latest() == null ? EventTimeRange.DEFAULT.latest() : eventTime.latest());
    }
}
