package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * What a store adapter uses to write events in the SAME document update as the state change
 * ("outbox in the aggregate"). Never replace an outbox aggregate wholesale ({@code save}): that
 * would drop pending events; use conditional updates on {@code {_id, version}}.
 */
public final class PendingEvents {

    /** The array holding events not yet published. */
    public static final String FIELD = "pendingEvents";
    /** The relay's lease on a document: {@code {owner, until}}. */
    public static final String CLAIM_FIELD = "outboxClaim";

    private PendingEvents() {
    }

    /** The BSON sub-documents for {@code events}, in order. */
    public static List<Document> documents(List<EventEnvelope> events) {
        return events.stream().map(e -> OutboxEvent.of(e).toDocument()).toList();
    }

    /** Adds {@code $push: {pendingEvents: {$each: [...]}}} to a Spring Data update. */
    public static Update push(Update update, List<EventEnvelope> events) {
        if (!events.isEmpty()) {
            update.push(FIELD).each(documents(events).toArray());
        }
        return update;
    }

    /** The same as a driver {@link Bson} update, to combine with {@code Updates.combine(...)}. */
    public static Bson pushUpdate(List<EventEnvelope> events) {
        return Updates.pushEach(FIELD, documents(events));
    }

    /** A new aggregate document with its first events, as the entity mapping writes it plus {@code pendingEvents}. */
    public static Document withEvents(ReactiveMongoTemplate template, Object entity, List<EventEnvelope> events) {
        var document = new Document();
        template.getConverter().write(entity, document);
        document.put(FIELD, documents(events));
        return document;
    }

    /** Inserts a new aggregate together with its first events (one document insert). */
    public static Mono<Document> insert(ReactiveMongoTemplate template, String collection, Object entity,
                                        List<EventEnvelope> events) {
        return template.insert(withEvents(template, entity, events), collection);
    }
}
