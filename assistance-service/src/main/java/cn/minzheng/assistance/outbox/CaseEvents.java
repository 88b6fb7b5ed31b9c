package cn.minzheng.assistance.outbox;

import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.TraceContext;

import java.util.Map;

/** Domain events → platform envelopes ({@code minzheng.assistance.<aggregate>.<event>.v1}). */
public final class CaseEvents {
    public static final String SOURCE = "/minzheng/assistance";

    private CaseEvents() {
    }

    public static String type(String aggregateType, String name) {
        return "minzheng.assistance." + aggregateType + "." + name + ".v1";
    }

    /** The event's envelope; a caller's traceparent is carried only when well-formed ({@link TraceContext}). */
    public static EventEnvelope envelope(DomainEvent e, String traceparent) {
        traceparent = TraceContext.wellFormedOrNull(traceparent);
        EventData data = EventData.of(e.aggregateId(), e.aggregateType())
                .transition(e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus() == null ? null : e.toStatus().name())
                .reason(e.reason())
                .changes(e.changes());
        for (Map.Entry<String, Object> field : e.changes().entrySet()) {
            data.put(field.getKey(), field.getValue());
        }
        return EventEnvelope.builder(type(e.aggregateType(), e.name()))
                .id(e.id()).source(SOURCE).subject(e.aggregateId()).time(e.occurredAt())
                .actor(e.actorId(), e.actorRole().name()).regionCode(e.regionCode())
                .aggregateVersion(e.aggregateVersion()).traceparent(traceparent).data(data).build();
    }
}
