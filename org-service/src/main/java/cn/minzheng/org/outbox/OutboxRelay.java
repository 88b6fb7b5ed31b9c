package cn.minzheng.org.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * Local stand-in for the service kit's outbox relay (not ready when this was written; to be replaced
 * by {@code OutboxRelay.publishPending(collection, id)} of platform-service-kit). Publishes the
 * {@code pendingEvents} of one aggregate document to {@code org.events} in order, then pulls each
 * published event out of the array. A claim ({@code outboxClaimUntil}, set by an atomic update)
 * keeps two instances from publishing the same document at once; an expired claim is taken over.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String PENDING = "pendingEvents";
    static final String CLAIM = "outboxClaimUntil";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration lease;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.clock = clock;
        this.lease = lease;
    }

    /** Publishes what the document holds; never fails the caller (what is left waits for the sweep). */
    public Mono<Void> publishPending(String collection, Object id) {
        Date now = Date.from(clock.instant());
        Query claimable = new Query(Criteria.where("_id").is(id).and(PENDING + ".0").exists(true)
                .orOperator(Criteria.where(CLAIM).exists(false), Criteria.where(CLAIM).is(null), Criteria.where(CLAIM).lt(now)));
        Update claim = new Update().set(CLAIM, Date.from(clock.instant().plus(lease)));
        return mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true), Document.class, collection)
                .flatMap(doc -> publishInOrder(collection, id, doc.getList(PENDING, Document.class)))
                .then(mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().unset(CLAIM), collection))
                .then()
                .onErrorResume(e -> {
                    log.warn("outbox: events of {}/{} wait for the sweep: {}", collection, id, e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> publishInOrder(String collection, Object id, List<Document> pending) {
        return Flux.fromIterable(pending)
                .concatMap(d -> {
                    EventEnvelope event = PendingEventCodec.decode(d);
                    return Mono.fromFuture(() -> kafka.send(KafkaCloudEvents.toRecord(Topics.ORG_EVENTS, event)))
                            .then(mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                                    new Update().pull(PENDING, new Document("id", event.id())), collection));
                })
                .then();
    }

    /** Sweep: every document of the collection with events left (after a crash or while Kafka was down). */
    public Mono<Long> sweep(String collection) {
        Query withPending = new Query(Criteria.where(PENDING + ".0").exists(true)).limit(500);
        withPending.fields().include("_id");
        return mongo.find(withPending, Document.class, collection)
                .concatMap(doc -> publishPending(collection, doc.get("_id")).thenReturn(1L))
                .reduce(0L, Long::sum);
    }
}
