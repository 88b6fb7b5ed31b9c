package cn.minzheng.assistance.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.outbox.OutboxEvent;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the events waiting in an aggregate's {@code pendingEvents} (kit format) to
 * {@code assistance.events} and removes them once Kafka acknowledged them. Called right after each
 * write; a sweep republishes whatever a crash or a Kafka outage left behind.
 * <p>
 * Local stand-in until platform-service-kit ships its {@code OutboxRelay}: no lease between
 * instances, so two instances may publish an event twice (consumers dedupe on the event id).
 */
@Component
public class LocalOutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(LocalOutboxRelay.class);
    static final List<String> COLLECTIONS = List.of("applications", "standards");

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public LocalOutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate) {
        this.mongo = mongo;
        this.kafka = outboxKafkaTemplate;
    }

    /** Fire and forget after a write: the request does not wait for Kafka. */
    public void publishSoon(String collection, String id) {
        publish(collection, id).subscribe(n -> { }, e -> log.debug("outbox publish of {} deferred: {}", id, e.toString()));
    }

    /**
     * Publishes the document's pending events in order; returns how many were published. One
     * publisher per document at a time in this instance, reading the document after taking its turn,
     * so the after-write publish and the sweep do not send the same events twice.
     */
    public Mono<Integer> publish(String collection, String id) {
        String key = collection + "/" + id;
        return Mono.defer(() -> {
            if (!inFlight.add(key)) {
                return Mono.just(0);
            }
            return mongo.findById(id, Document.class, collection)
                    .flatMap(doc -> publishDocument(collection, doc))
                    .defaultIfEmpty(0)
                    .doFinally(signal -> inFlight.remove(key));
        });
    }

    @Scheduled(fixedDelayString = "${minzheng.assistance.outbox-sweep-ms:5000}", initialDelay = 3000)
    public void sweep() {
        Flux.fromIterable(COLLECTIONS)
                .concatMap(c -> {
                    Query q = Query.query(Criteria.where(PendingEvents.FIELD + ".0").exists(true)).limit(200);
                    q.fields().include("_id");
                    return mongo.find(q, Document.class, c).concatMap(doc -> publish(c, String.valueOf(doc.get("_id"))));
                })
                .onErrorResume(e -> {
                    log.debug("outbox sweep deferred: {}", e.toString());
                    return Mono.empty();
                })
                .subscribe();
    }

    private Mono<Integer> publishDocument(String collection, Document doc) {
        List<Document> pending = doc.getList(PendingEvents.FIELD, Document.class, List.of());
        if (pending.isEmpty()) {
            return Mono.just(0);
        }
        List<String> sent = new ArrayList<>();
        return Flux.fromIterable(pending)
                .map(OutboxEvent::fromDocument)
                .concatMap(e -> send(e.toEnvelope()).thenReturn(e.id()))
                .doOnNext(sent::add)
                .onErrorResume(e -> {
                    log.warn("outbox: {} of {} events of {} published; the rest waits: {}", sent.size(), pending.size(),
                            doc.get("_id"), e.toString());
                    return Mono.empty();
                })
                .then(Mono.defer(() -> sent.isEmpty() ? Mono.just(0)
                        : mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))),
                                new Update().pull(PendingEvents.FIELD, Query.query(Criteria.where("id").in(sent))),
                                collection).thenReturn(sent.size())));
    }

    private Mono<Void> send(EventEnvelope envelope) {
        // send() may block up to max.block.ms while the broker is unreachable: never on an event loop
        return Mono.fromFuture(() -> kafka.send(KafkaCloudEvents.toRecord(Topics.ASSISTANCE_EVENTS, envelope)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(15))
                .then();
    }
}
