package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.EventTimeRange;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.audit.ingest.*} as far as the ingest code reads it (the listener takes
 * {@code enabled}, {@code topic-pattern} and {@code group-id} through placeholders).
 *
 * @param eventTime the event times the trail takes in; an event outside them is dead-lettered
 *                  (default {@link EventTimeRange#DEFAULT}: 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z)
 */
@ConfigurationProperties("minzheng.audit.ingest")
public record IngestProperties(EventTime eventTime) {

    public IngestProperties {
        eventTime = eventTime == null ? new EventTime(null, null) : eventTime;
    }

    /** {@code minzheng.audit.ingest.event-time.earliest/latest}, RFC 3339 instants, both inclusive. */
    public record EventTime(Instant earliest, Instant latest) {
    }

    EventTimeRange eventTimeRange() {
        return new EventTimeRange(
                eventTime.earliest() == null ? EventTimeRange.DEFAULT.earliest() : eventTime.earliest(),
                eventTime.latest() == null ? EventTimeRange.DEFAULT.latest() : eventTime.latest());
    }
}
