package cn.minzheng.assistance.outbox;

import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;

import java.util.Map;

/** Domain events → platform envelopes ({@code minzheng.assistance.<aggregate>.<event>.v1}). */
public final class CaseEvents {
    public static final String SOURCE = "/minzheng/assistance";

    private CaseEvents() {
    }

    public static String type(String aggregateType, String name) {
        return "minzheng.assistance." + aggregateType + "." + name + ".v1";
    }

    private static final java.util.regex.Pattern TRACEPARENT =
            java.util.regex.Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    public static EventEnvelope envelope(DomainEvent e, String traceparent) {
        if (traceparent != null && !TRACEPARENT.matcher(traceparent).matches()) {
            traceparent = null;
        }
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
