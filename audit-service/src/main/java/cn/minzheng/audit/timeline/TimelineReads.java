package cn.minzheng.audit.timeline;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Records an auditor's read of a case timeline by publishing {@code minzheng.audit.timeline.read.v1}
 * to {@code audit.events}, which this service consumes into the trail like any other event.
 *
 * <p>A direct send (idempotent producer, acks=all) rather than an outbox: the service kit's outbox
 * serves aggregates with their own documents and audit-service has none. The read is answered
 * only once the broker acknowledged the record, so no read goes unrecorded.
 */
public class TimelineReads {

    static EventEnvelope event(Principal reader, String subject, String readerRole, Clock clock) {
        return EventEnvelope.builder(EventTypes.TIMELINE_READ, clock)
                .subject(subject)
                .actor(reader.subject(), readerRole)
                .regionCode(reader.region() == null ? EventEnvelope.NATIONAL_REGION : reader.region())
                .data(EventData.of(subject, "timeline"))
                .build();
    }

    private final KafkaTemplate<String, byte[]> template;
    private final Clock clock;
    private final Duration timeout;

    public TimelineReads(KafkaTemplate<String, byte[]> template, Clock clock, Duration timeout) {
        this.template = template;
        this.clock = clock;
        this.timeout = timeout;
    }

    public Mono<EventEnvelope> record(Principal reader, String readerRole, String subject) {
        EventEnvelope event = event(reader, subject, readerRole, clock);
        return Mono.fromFuture(() -> template.send(KafkaCloudEvents.toRecord(Topics.AUDIT_EVENTS, event)))
                .timeout(timeout)
                .thenReturn(event);
    }
}
