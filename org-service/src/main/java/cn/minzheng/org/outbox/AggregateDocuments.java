package cn.minzheng.org.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.InsertManyOptions;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
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

    /**
     * Inserts many documents in one round trip, ignoring those whose id exists already (a re-run);
     * emits how many were new. Documents carrying {@code pendingEvents} are handed to the relay
     * afterwards by the caller ({@link #publish}), so a batch is not drained document by document on
     * the request path.
     */
    public Mono<Long> insertAll(String collection, List<Document> docs) {
        if (docs.isEmpty()) {
            return Mono.just(0L);
        }
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertMany(docs, new InsertManyOptions().ordered(false))).map(r -> (long) docs.size())
                        .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicates(e)
                                // the server may stop at the first duplicate: insert the rest one by one
                                ? Flux.fromIterable(docs).concatMap(d -> Mono.from(c.insertOne(d)).thenReturn(1L)
                                        .onErrorResume(MongoWriteException.class, x -> x.getError().getCode() == DUPLICATE_KEY
                                                ? Mono.just(0L) : Mono.error(x)))
                                .reduce(0L, Long::sum)
                                : Mono.error(e)));
    }

    /** Drains the outbox of these documents, a few at a time, and completes when done (never errors). */
    public Mono<Void> publish(String collection, List<?> ids, int concurrency) {
        return Flux.fromIterable(ids).flatMap(id -> relay.publishPending(collection, id), concurrency).then();
    }

    private static final int DUPLICATE_KEY = 11000;

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return !e.getWriteErrors().isEmpty() && e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY);
    }

    /** One conditional change of a batch: the aggregate's next state, the version it must still have, its events. */
    public record VersionedWrite(Object aggregate, long expectedVersion, List<EventEnvelope> events, Map<String, Object> extraSet) {
    }

    /**
     * Many conditional changes in one round trip (an unordered bulk of single-document updates, each
     * as {@link #update} makes it); emits how many applied. A change whose version moved meanwhile is
     * simply not applied: the caller finds and retries those.
     */
    public Mono<Long> updateAll(String collection, List<VersionedWrite> writes) {
        if (writes.isEmpty()) {
            return Mono.just(0L);
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (VersionedWrite w : writes) {
            Document doc = toDocument(w.aggregate());
            bulk.updateOne(new Query(Criteria.where("_id").is(doc.get("_id")).and("version").is(w.expectedVersion())),
                    updateOf(w.aggregate(), doc, w.events(), w.extraSet()));
        }
        return bulk.execute().map(r -> (long) r.getModifiedCount());
    }

    /** Replaces the aggregate's fields if its stored version is still {@code expectedVersion}; false otherwise. */
    public <T> Mono<Boolean> update(String collection, T aggregate, long expectedVersion, List<EventEnvelope> events,
                                    Map<String, Object> extraSet) {
        Document doc = toDocument(aggregate);
        Object id = doc.get("_id");
        Update update = updateOf(aggregate, doc, events, extraSet);
        Query query = new Query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.updateFirst(query, update, collection)
                .flatMap(r -> r.getModifiedCount() == 1
                        ? Mono.fromRunnable(() -> relay.publishInBackground(collection, id)).thenReturn(true)
                        : Mono.just(false));
    }

    /** Where a batch's events wait, not yet publishable, until the batch's facts are written. */
    public static final String HELD_EVENTS = "heldEvents";

    /**
     * One batch's events in one outbox document of {@code collection}, held: the relay publishes only
     * {@link PendingEvents#FIELD}, so nothing of the batch goes out before its facts are written
     * ({@link #releaseHeld}). Fixed id: written once; a re-run finds it and keeps the events the first
     * run held (their ids derive from the facts, so they are the events the re-run would write).
     */
    public Mono<Void> insertHeld(String collection, String batchId, Map<String, Object> extra, List<EventEnvelope> events) {
        Document doc = new Document("_id", batchId).append("version", 1L);
        doc.putAll(extra);
        doc.put(HELD_EVENTS, PendingEvents.documents(events));
        return insertAll(collection, List.of(doc)).then();
    }

    /**
     * Makes the batch's held events publishable (once the batch's facts are written) and drains them
     * (one claim for all). A re-run after a stop between the two finds them released already and only
     * drains.
     */
    public Mono<Void> releaseHeld(String collection, String batchId) {
        return mongo.findById(batchId, Document.class, collection)
                .filter(doc -> doc.containsKey(HELD_EVENTS))
                .flatMap(doc -> mongo.updateFirst(Query.query(Criteria.where("_id").is(batchId).and(HELD_EVENTS).exists(true)),
                        new Update().set(PendingEvents.FIELD, doc.get(HELD_EVENTS)).unset(HELD_EVENTS), collection))
                .then(publish(collection, List.of(batchId), 1));
    }

    /**
     * {@link #insertHeld} spread over {@code parts} outbox documents ({@code <batchId>#0} … {@code #parts-1}, contiguous
     * slices of {@code events} in their order), written in ONE bulk insert: the relay sends a document's events one
     * after the other, each waiting for the broker's acknowledgement, so a batch's events in one document went out one
     * round trip at a time (about 5 s for 1,500 events on the test stack: most of a credit-list sweep batch);
     * {@link #releaseHeldParts} drains the parts side by side. Every part keeps a fixed id, so a re-run finds the parts
     * the stopped run wrote and keeps their events (the ids of the events derive from the facts). A batch whose events
     * a run before this split held in one document ({@code batchId} itself) is left to that document.
     */
    public Mono<Void> insertHeldParts(String collection, String batchId, Map<String, Object> extra, List<EventEnvelope> events,
                                      int parts) {
        return mongo.exists(Query.query(Criteria.where("_id").is(batchId)), collection).flatMap(legacy -> {
            if (legacy || events.isEmpty()) {
                return Mono.<Void>empty();
            }
            int size = (events.size() + parts - 1) / parts;
            List<Document> docs = new java.util.ArrayList<>(parts);
            for (int i = 0, part = 0; i < events.size(); i += size, part++) {
                Document doc = new Document("_id", partId(batchId, part)).append("version", 1L);
                doc.putAll(extra);
                doc.put(HELD_EVENTS, PendingEvents.documents(events.subList(i, Math.min(events.size(), i + size))));
                docs.add(doc);
            }
            return insertAll(collection, docs).then();
        });
    }

    /**
     * {@link #releaseHeld} for every part {@link #insertHeldParts} may have written (and a one-document batch of a run
     * before the split), the parts drained {@code parts} at a time; completes when all are drained.
     */
    public Mono<Void> releaseHeldParts(String collection, String batchId, int parts) {
        List<String> ids = new java.util.ArrayList<>(parts + 1);
        ids.add(batchId);
        for (int part = 0; part < parts; part++) {
            ids.add(partId(batchId, part));
        }
        return Flux.fromIterable(ids).flatMap(id -> releaseHeld(collection, id), parts + 1).then();
    }

    private static String partId(String batchId, int part) {
        return batchId + "#" + part;
    }

    private static Update updateOf(Object aggregate, Document doc, List<EventEnvelope> events, Map<String, Object> extraSet) {
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
        return update;
    }
}
