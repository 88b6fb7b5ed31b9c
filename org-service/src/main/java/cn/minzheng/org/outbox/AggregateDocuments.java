package cn.minzheng.org.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Writes an aggregate (a plain record with {@code id} and {@code version}) together with the events
 * its change produced, in one single-document write (the service kit's outbox: {@code pendingEvents}):
 * insert for a new aggregate, a conditional update on the expected version for a change. Then asks
 * the kit's relay to publish in the background; its sweep delivers whatever is left.
 */
public class AggregateDocuments {
    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateDocuments(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public ReactiveMongoTemplate mongo() {
        return mongo;
    }

    public Document toDocument(Object aggregate) {
        Document doc = new Document();
        mongo.getConverter().write(aggregate, doc);
        doc.remove("_class");
        return doc;
    }

    public <T> T fromDocument(Class<T> type, Document doc) {
        return mongo.getConverter().read(type, doc);
    }

    /** Inserts; a duplicate id surfaces as Spring's DuplicateKeyException. */
    public <T> Mono<T> insert(String collection, T aggregate, List<EventEnvelope> events, Map<String, Object> extra) {
        Document doc = toDocument(aggregate);
        doc.putAll(extra);
        doc.put(PendingEvents.FIELD, PendingEvents.documents(events));
        return mongo.insert(doc, collection)
                .doOnSuccess(d -> relay.publishInBackground(collection, doc.get("_id")))
                .thenReturn(aggregate);
    }

    /** Inserts a hand-built document with its events. */
    public Mono<Void> insertDocument(String collection, Document doc, List<EventEnvelope> events) {
        doc.put(PendingEvents.FIELD, PendingEvents.documents(events));
        return mongo.insert(doc, collection).doOnSuccess(d -> relay.publishInBackground(collection, doc.get("_id"))).then();
    }

    /** Replaces the aggregate's fields if its stored version is still {@code expectedVersion}; false otherwise. */
    public <T> Mono<Boolean> update(String collection, T aggregate, long expectedVersion, List<EventEnvelope> events,
                                    Map<String, Object> extraSet) {
        Document doc = toDocument(aggregate);
        Object id = doc.get("_id");
        Update update = new Update();
        doc.forEach((k, v) -> {
            if (!k.equals("_id")) {
                update.set(k, v);
            }
        });
        if (aggregate.getClass().isRecord()) {
            for (var component : aggregate.getClass().getRecordComponents()) {
                String name = component.getName();
                if (!name.equals("id") && !doc.containsKey(name)) {
                    update.unset(name);
                }
            }
        }
        extraSet.forEach(update::set);
        if (!events.isEmpty()) {
            PendingEvents.push(update, events);
        }
        Query query = new Query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.updateFirst(query, update, collection)
                .flatMap(r -> r.getModifiedCount() == 1
                        ? Mono.fromRunnable(() -> relay.publishInBackground(collection, id)).thenReturn(true)
                        : Mono.just(false));
    }
}
