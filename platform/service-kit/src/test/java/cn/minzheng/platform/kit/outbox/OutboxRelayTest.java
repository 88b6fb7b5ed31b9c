package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The relay against the real embedded Kafka broker and Mongo-wire server. */
class OutboxRelayTest extends OutboxStoreTestBase {

    private SimpleMeterRegistry registry;

    @BeforeEach
    void freshRegistry() {
        registry = new SimpleMeterRegistry();
    }

    @Test
    void publishesPendingEventsInOrderKeyedByAggregateAndRemovesThem() {
        var events = List.of(event("MZ-1", 1), event("MZ-1", 2), event("MZ-1", 3));
        insert("MZ-1", events);

        relay("a", kafka).publishPending(collection, "MZ-1").block(Duration.ofSeconds(20));

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(topic, 3, Duration.ofSeconds(20));
        assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::id).toList());
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("MZ-1");
        assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.AGGREGATE_VERSION))
                .containsExactly("1", "2", "3");
        Document after = find("MZ-1");
        assertThat(after.getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(after.get(PendingEvents.CLAIM_FIELD)).isNull();
        assertThat(registry.counter("outbox.published", "collection", collection).count()).isEqualTo(3);
    }

    @Test
    void objectIdAggregatesCanBeNamedByTheirHexString() {
        var oid = new org.bson.types.ObjectId();
        PendingEvents.insert(mongo, collection, new Document("_id", oid).append("version", 1L),
                List.of(event(oid.toHexString(), 1))).block();

        relay("a", kafka).publishPending(collection, oid.toHexString()).block(Duration.ofSeconds(20));

        assertThat(mongo.findById(oid, Document.class, collection).block().getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(TopicProbe.read(topic, 1, Duration.ofSeconds(20))).extracting(ConsumerRecord::key)
                .containsExactly(oid.toHexString());
    }

    @Test
    void eventsWrittenWhileDrainingStayForTheNextRound() {
        insert("MZ-2", List.of(event("MZ-2", 1)));
        var late = event("MZ-2", 2);
        var slow = new EventPublisher() {
            @Override
            public Mono<Void> publish(String t, String key, EventEnvelope e) {
                // a second write lands while the first event is on its way
                return kafka.publish(t, key, e).then(e.aggregateVersion() == 1 ? push("MZ-2", late) : Mono.empty());
            }
        };
        relay("a", slow).publishPending(collection, "MZ-2").block(Duration.ofSeconds(20));

        assertThat(TopicProbe.read(topic, 2, Duration.ofSeconds(20))).hasSize(2);
        assertThat(find("MZ-2").getList(PendingEvents.FIELD, Document.class)).isEmpty();
    }

    @Test
    void sweepPublishesLeftoversAndReportsThemAsMetrics() {
        for (int i = 0; i < 3; i++) {
            insert("MZ-S" + i, List.of(event("MZ-S" + i, 1), event("MZ-S" + i, 2)));
        }
        var relay = relay("sweeper", kafka);

        assertThat(relay.sweepOnce().block(Duration.ofSeconds(30))).isEqualTo(6L);
        assertThat(registry.get("outbox.pending").tag("collection", collection).gauge().value()).isEqualTo(6);
        assertThat(TopicProbe.read(topic, 6, Duration.ofSeconds(20))).hasSize(6);

        assertThat(relay.sweepOnce().block(Duration.ofSeconds(30))).isZero();
        assertThat(registry.get("outbox.pending").tag("collection", collection).gauge().value()).isZero();
        assertThat(registry.get("outbox.oldest.age.seconds").tag("collection", collection).gauge().value()).isZero();
    }

    @Test
    void twoRelaysNeverPublishOneDocumentAtTheSameTime() {
        int documents = 12;
        for (int i = 0; i < documents; i++) {
            insert("MZ-C" + i, List.of(event("MZ-C" + i, 1), event("MZ-C" + i, 2), event("MZ-C" + i, 3)));
        }
        var watch = new ConcurrencyWatch(kafka);
        var first = relay("instance-1", watch);
        var second = relay("instance-2", watch);

        Mono.zip(first.sweepOnce(), second.sweepOnce(), first.sweepOnce(), second.sweepOnce())
                .block(Duration.ofSeconds(60));

        assertThat(watch.maxParallelPerKey.get()).as("parallel publishes of one document").isEqualTo(1);
        assertThat(watch.published).hasSize(documents * 3).doesNotHaveDuplicates();
        assertThat(TopicProbe.read(topic, documents * 3, Duration.ofSeconds(20))).hasSize(documents * 3);
        for (int i = 0; i < documents; i++) {
            assertThat(find("MZ-C" + i).getList(PendingEvents.FIELD, Document.class)).isEmpty();
        }
    }

    @Test
    void aDrainReleasesOnlyItsOwnClaimNotOneAnotherDrainOfThisInstanceTookOver() {
        insert("MZ-T", List.of(event("MZ-T", 1)));
        var takenOver = new EventPublisher() {
            @Override
            public Mono<Void> publish(String t, String key, EventEnvelope e) {
                // meanwhile the lease ran out and this instance's sweep claimed the document anew
                return kafka.publish(t, key, e).then(setClaim("MZ-T", "a", Instant.now().plusSeconds(60), "the-sweeps-claim"));
            }
        };

        relay("a", takenOver).publishPending(collection, "MZ-T").block(Duration.ofSeconds(20));

        Document after = find("MZ-T");
        assertThat(after.getList(PendingEvents.FIELD, Document.class)).as("what was sent is pulled").isEmpty();
        Document claim = after.get(PendingEvents.CLAIM_FIELD, Document.class);
        assertThat(claim).as("the other drain's claim stays").isNotNull();
        assertThat(claim.getString("token")).isEqualTo("the-sweeps-claim");
    }

    @Test
    void noSendStartsThatCouldOutlastTheLeaseSoATakeoverNeverPublishesTwice() {
        var clock = new SteppedClock();
        insert("MZ-G", List.of(event("MZ-G", 1), event("MZ-G", 2), event("MZ-G", 3)));
        var rival = new AtomicReference<OutboxRelay>();
        var watch = new ConcurrencyWatch(kafka);
        var slow = new EventPublisher() {
            @Override
            public Mono<Void> publish(String t, String key, EventEnvelope e) {
                // the first send leaves 2 s of the 30 s lease, less than delivery-timeout (3 s); the next
                // send takes 5 s, and while it runs the other instance's sweep looks at the document
                Mono<Void> time = Mono.fromRunnable(() -> clock.advance(Duration.ofSeconds(e.aggregateVersion() == 1 ? 28 : 5)));
                Mono<Void> rivalSweeps = e.aggregateVersion() == 2 ? rival.get().sweepOnce().then() : Mono.empty();
                return watch.publish(t, key, e).then(time).then(rivalSweeps);
            }
        };
        rival.set(relay("instance-2", watch, clock));

        relay("instance-1", slow, clock).publishPending(collection, "MZ-G").block(Duration.ofSeconds(30));

        assertThat(watch.published).hasSize(3).doesNotHaveDuplicates();
        assertThat(find("MZ-G").getList(PendingEvents.FIELD, Document.class)).isEmpty();
    }

    @Test
    void liveClaimIsRespectedAndExpiredClaimTakenOver() {
        insert("MZ-L", List.of(event("MZ-L", 1)));
        insert("MZ-E", List.of(event("MZ-E", 1)));
        claim("MZ-L", "other", Instant.now().plusSeconds(60));
        claim("MZ-E", "crashed", Instant.now().minusSeconds(1));

        relay("me", kafka).sweepOnce().block(Duration.ofSeconds(30));

        assertThat(find("MZ-L").getList(PendingEvents.FIELD, Document.class)).hasSize(1);
        assertThat(find("MZ-L").get(PendingEvents.CLAIM_FIELD, Document.class).getString("owner")).isEqualTo("other");
        assertThat(find("MZ-E").getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(TopicProbe.read(topic, 1, Duration.ofSeconds(20))).extracting(ConsumerRecord::key).containsExactly("MZ-E");
    }

    @Test
    void malformedPendingEventIsSetAsideAndTheOthersFlow() {
        var good = event("MZ-M", 1);
        var good2 = event("MZ-M", 3);
        var doc = new Document("_id", "MZ-M").append("version", 3L).append(PendingEvents.FIELD, List.of(
                OutboxEvent.of(good).toDocument(),
                new Document("id", "not-a-uuid").append("type", "nonsense").append("time", new Date()).append("data", new Document()),
                OutboxEvent.of(good2).toDocument()));
        mongo.insert(doc, collection).block();

        relay("a", kafka).publishPending(collection, "MZ-M").block(Duration.ofSeconds(20));

        assertThat(TopicProbe.read(topic, 2, Duration.ofSeconds(20))).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                .containsExactly(good.id(), good2.id());
        Document after = find("MZ-M");
        assertThat(after.getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(after.getList(OutboxRelay.DEAD_FIELD, Document.class)).extracting(d -> d.getString("id"))
                .containsExactly("not-a-uuid");
    }

    @Test
    void kafkaDownWritesSucceedEventsWaitAndFlowWhenBack() {
        var relay = relay("a", kafka);
        var infra = TestInfra.infra();
        List<EventEnvelope> written = new ArrayList<>();
        infra.kafka().stop();
        try {
            for (int i = 0; i < 3; i++) {
                var e = event("MZ-K" + i, 1);
                written.add(e);
                insert("MZ-K" + i, List.of(e));
                long start = System.nanoTime();
                relay.publishPending(collection, "MZ-K" + i).block(Duration.ofSeconds(20));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
            assertThat(registry.counter("outbox.publish.failures", "collection", collection).count()).isGreaterThanOrEqualTo(1);
            for (int i = 0; i < 3; i++) {
                Document d = find("MZ-K" + i);
                assertThat(d.getList(PendingEvents.FIELD, Document.class)).hasSize(1);
                assertThat(d.get(PendingEvents.CLAIM_FIELD)).as("claim released after the failure").isNull();
            }
        } finally {
            infra.kafka().restart();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            relay.sweepOnce().block(Duration.ofSeconds(30));
            for (int i = 0; i < 3; i++) {
                assertThat(find("MZ-K" + i).getList(PendingEvents.FIELD, Document.class)).isEmpty();
            }
        });
        assertThat(TopicProbe.read(topic, 3, Duration.ofSeconds(30))).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                .containsAll(written.stream().map(EventEnvelope::id).toList());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private OutboxRelay relay(String owner, EventPublisher publisher) {
        return relay(owner, publisher, Clock.systemUTC());
    }

    private OutboxRelay relay(String owner, EventPublisher publisher, Clock clock) {
        var properties = new OutboxProperties(Map.of(collection, topic), Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofSeconds(1), 100, Duration.ofSeconds(3), owner, false);
        return new OutboxRelay(mongo, publisher, properties.collections(), properties, owner, registry, clock);
    }

    private void claim(String id, String owner, Instant until) {
        setClaim(id, owner, until, null).block();
    }

    private Mono<Void> setClaim(String id, String owner, Instant until, String token) {
        var claim = new Document("owner", owner).append("until", Date.from(until));
        if (token != null) {
            claim.append("token", token);
        }
        return mongo.getCollection(collection).flatMap(c -> Mono.from(c.updateOne(new Document("_id", id),
                new Document("$set", new Document(PendingEvents.CLAIM_FIELD, claim))))).then();
    }

    /** Publishes slowly and records the most publishes of one key at the same moment. */
    static final class ConcurrencyWatch implements EventPublisher {
        final EventPublisher delegate;
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger maxParallelPerKey = new AtomicInteger();
        final List<String> published = new CopyOnWriteArrayList<>();

        ConcurrencyWatch(EventPublisher delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Void> publish(String topic, String key, EventEnvelope event) {
            return Mono.defer(() -> {
                int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                maxParallelPerKey.accumulateAndGet(now, Math::max);
                return Mono.delay(Duration.ofMillis(15)).then(delegate.publish(topic, key, event))
                        .doOnSuccess(v -> published.add(event.id()))
                        // before the completion travels on: the relay starts the next send from inside it
                        .doOnTerminate(() -> inFlight.get(key).decrementAndGet())
                        .doOnCancel(() -> inFlight.get(key).decrementAndGet());
            });
        }
    }


}
