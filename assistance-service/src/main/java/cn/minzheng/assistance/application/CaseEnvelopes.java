package cn.minzheng.assistance.application;

import cn.minzheng.assistance.outbox.CaseEvents;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.TraceContext;

import java.util.Map;

/** A case's domain events → platform envelopes, named by {@link CaseEvents}. */
public final class CaseEnvelopes {
    private CaseEnvelopes() {
    }

    /** The event's envelope; a caller's traceparent is carried only when well-formed ({@link TraceContext}). */
    public static EventEnvelope of(DomainEvent e, String traceparent) {
        traceparent = TraceContext.wellFormedOrNull(traceparent);
        EventData data = EventData.of(e.aggregateId(), e.aggregateType())
                .transition(e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus() == null ? null : e.toStatus().name())
                .reason(e.reason())
                .changes(e.changes());
        for (Map.Entry<String, Object> field : e.changes().entrySet()) {
            data.put(field.getKey(), field.getValue());
        }
        return EventEnvelope.builder(CaseEvents.type(e.aggregateType(), e.name()))
                .id(e.id()).source(CaseEvents.SOURCE).subject(e.aggregateId()).time(e.occurredAt())
                .actor(e.actorId(), e.actorRole().name()).regionCode(e.regionCode())
                .aggregateVersion(e.aggregateVersion()).traceparent(traceparent).data(data).build();
    }
}
