package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.observability.TraceContext;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event waiting in an aggregate's {@code pendingEvents} array. Stored shape (a BSON
 * sub-document): {@code {id, type, source, subject, time (date), actorId, actorRole, regionCode,
 * aggregateVersion (long), traceparent, data (document)}}.
 */
public record OutboxEvent(String id, String type, String source, String subject, Instant time, String actorId,
                          String actorRole, String regionCode, long aggregateVersion, String traceparent,
                          Document data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The stored form of {@code envelope}. An envelope built without a traceparent gets the one of
     * the work in progress ({@link TraceContext#current()}: the request or the consumed record), so
     * the event continues the trace that caused it even when the service did not set it.
     */
    public static OutboxEvent of(EventEnvelope envelope) {
        String traceparent = envelope.traceparent() != null ? envelope.traceparent()
                : TraceContext.current().orElse(null);
        return new OutboxEvent(envelope.id(), envelope.type(), envelope.source(), envelope.subject(), envelope.time(),
                envelope.actorId(), envelope.actorRole(), envelope.regionCode(), envelope.aggregateVersion(),
                traceparent, Document.parse(JSON.writeValueAsString(envelope.data())));
    }

    /** Back to the platform envelope (validates the shape again). */
    public EventEnvelope toEnvelope() {
        JsonNode json = JSON.readTree(data.toJson(RELAXED));
        return EventEnvelope.builder(type).id(id).source(source).subject(subject).time(time)
                .actor(actorId, actorRole).regionCode(regionCode).aggregateVersion(aggregateVersion)
                .traceparent(traceparent).data(json).build();
    }

    public Document toDocument() {
        var doc = new Document();
        doc.put("id", id);
        doc.put("type", type);
        doc.put("source", source);
        doc.put("subject", subject);
        doc.put("time", Date.from(time));
        doc.put("actorId", actorId);
        doc.put("actorRole", actorRole);
        doc.put("regionCode", regionCode);
        doc.put("aggregateVersion", aggregateVersion);
        doc.put("traceparent", traceparent);
        doc.put("data", data);
        return doc;
    }

    public static OutboxEvent fromDocument(Document doc) {
        Object time = doc.get("time");
        Instant instant = time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
        Number version = doc.get("aggregateVersion", Number.class);
        return new OutboxEvent(doc.getString("id"), doc.getString("type"), doc.getString("source"),
                doc.getString("subject"), instant, doc.getString("actorId"), doc.getString("actorRole"),
                doc.getString("regionCode"), version == null ? 0 : version.longValue(), doc.getString("traceparent"),
                doc.get("data", Document.class));
    }
}
