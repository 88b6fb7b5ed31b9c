package cn.minzheng.org.events;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Puts a {@link DomainEvent} into the platform envelope for {@code org.events}. */
public final class OrgEventFactory {
    public static final String SOURCE = "/minzheng/org";
    private final Clock clock;

    public OrgEventFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param aggregateId   the record key: the organization id for organization events
     * @param subject       the number people know the case by (application or organization id)
     * @param traceparent   W3C trace context of the causing request, or null
     */
    public EventEnvelope envelope(String type, String aggregateType, String aggregateId, String subject, String regionCode,
                                  long aggregateVersion, DomainEvent event, Actor actor, String traceparent) {
        EventData data = EventData.of(aggregateId, aggregateType)
                .transition(event.fromStatus(), event.toStatus())
                .reason(event.reason())
                .changes(event.changes());
        for (Map.Entry<String, Object> e : event.attributes().entrySet()) {
            if (!e.getKey().equals("aggregateId") && !e.getKey().equals("aggregateType")) {
                data.put(e.getKey(), e.getValue());
            }
        }
        return new EventEnvelope(UUID.randomUUID().toString(), SOURCE, type, subject, clock.instant(), actor.id(), actor.role(),
                regionCode, aggregateVersion, traceparent, data.toJson());
    }

    /**
     * The same event with an id derived from what it reports (its type, its key and {@code discriminator},
     * e.g. the sweep year or the day of a listing), so a fact written again by a re-run after a stop carries
     * the id it had the first time and consumers, who dedupe by id, see it once.
     */
    public static EventEnvelope withStableId(EventEnvelope e, Object discriminator) {
        String id = UUID.nameUUIDFromBytes((e.type() + "|" + e.key() + "|" + discriminator).getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(id, e.source(), e.type(), e.subject(), e.time(), e.actorId(), e.actorRole(), e.regionCode(),
                e.aggregateVersion(), e.traceparent(), e.data());
    }
}
