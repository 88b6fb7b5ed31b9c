package cn.minzheng.org.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Date;

/**
 * How an event waits in its aggregate's {@code pendingEvents} array. The data is kept as JSON text
 * so it comes back byte-for-byte as it was built, whatever the store does to numbers.
 */
public final class PendingEventCodec {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PendingEventCodec() {
    }

    public static Document encode(EventEnvelope e) {
        return new Document("id", e.id())
                .append("type", e.type())
                .append("subject", e.subject())
                .append("time", Date.from(e.time()))
                .append("actorId", e.actorId())
                .append("actorRole", e.actorRole())
                .append("regionCode", e.regionCode())
                .append("aggregateVersion", e.aggregateVersion())
                .append("traceparent", e.traceparent())
                .append("data", JSON.writeValueAsString(e.data()));
    }

    public static EventEnvelope decode(Document d) {
        JsonNode data = JSON.readTree(d.getString("data"));
        Number version = (Number) d.get("aggregateVersion");
        return new EventEnvelope(d.getString("id"), EventEnvelope.SOURCE_PREFIX + "org", d.getString("type"), d.getString("subject"),
                d.getDate("time").toInstant(), d.getString("actorId"), d.getString("actorRole"), d.getString("regionCode"),
                version.longValue(), d.getString("traceparent"), data);
    }
}
