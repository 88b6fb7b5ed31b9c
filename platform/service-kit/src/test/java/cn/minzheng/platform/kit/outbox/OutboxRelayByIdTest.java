package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay's per-document path goes by {@code _id} (and the claim index), and the background sweep
 * retries unfinished drains by {@code _id}, scanning the collections only when a scan is due.
 * Against the real embedded broker and Mongo-wire server.
 */
class OutboxRelayByIdTest extends OutboxStoreTestBase {

    @Test
    void theRelayMakesTheUniqueClaimIndexWhoseKeysAreExactlyTheClaimFilter() {
        insert("MZ-I", List.of(event("MZ-I", 1)));

        relay(kafka, Clock.systemUTC(), 100).publishPending(collection, "MZ-I").block(Duration.ofSeconds(20));

        Document index = Flux.from(mongo.getCollection(collection).block().listIndexes())
                .filter(i -> OutboxRelay.CLAIM_INDEX.equals(i.getString("name"))).blockFirst(Duration.ofSeconds(10));
        assertThat(index).as("index " + OutboxRelay.CLAIM_INDEX).isNotNull();
        assertThat(index.getBoolean("unique")).isTrue();
        // the Mongo-wire server uses a unique index only when the filter names exactly its keys
        assertThat(index.get("key", Document.class).keySet())
                .containsExactlyElementsOf(OutboxRelay.claimFilter("MZ-I", "t").keySet());
        assertThat(find("MZ-I").getList(PendingEvents.FIELD, Document.class)).isEmpty();
    }

    @Test
    void manyDrainsOfOneDocumentAtOnceClaimItOneAtATimeAndPublishEachEventOnce() {
        var watch = new OutboxRelayTest.ConcurrencyWatch(kafka);
        var relays = List.of(relay(watch, Clock.systemUTC(), 100), relay(watch, Clock.systemUTC(), 100),
                relay(watch, Clock.systemUTC(), 100), relay(watch, Clock.systemUTC(), 100));
        insert("MZ-R", List.of());
        List<String> written = new ArrayList<>();
        for (int write = 1; write <= 15; write++) {
            var e = event("MZ-R", write);
            written.add(e.id());
            push("MZ-R", e).block();
            // every instance's request path and sweep race for the document after each write
            Flux.fromIterable(relays).flatMap(r -> r.publishPending(collection, "MZ-R")).blockLast(Duration.ofSeconds(30));
        }
        relays.get(0).publishPending(collection, "MZ-R").block(Duration.ofSeconds(20));

        assertThat(watch.maxParallelPerKey.get()).as("parallel publishes of one document").isEqualTo(1);
        assertThat(watch.published).containsExactlyInAnyOrderElementsOf(written);
        assertThat(find("MZ-R").getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(find("MZ-R").get(PendingEvents.CLAIM_FIELD)).isNull();
    }

    @Test
    void aFailedDrainIsRetriedByTheNextTickWhileAScanWaitsForItsInterval() {
        var clock = new SteppedClock();
        var down = new AtomicBoolean(true);
        EventPublisher broker = (t, key, e) -> down.get() ? Mono.error(new IllegalStateException("broker down")) : kafka.publish(t, key, e);
        var relay = relay(broker, clock, 100);
        relay.sweepDue().block(Duration.ofSeconds(20)); // the first tick scans (start-up)

        var failed = event("MZ-F", 1);
        insert("MZ-F", List.of(failed));
        relay.publishPending(collection, "MZ-F").block(Duration.ofSeconds(20));
        assertThat(relay.unfinished(collection)).isEqualTo(1);
        // written by something that never started a drain: only a scan finds it
        var orphan = event("MZ-O", 1);
        insert("MZ-O", List.of(orphan));

        down.set(false);
        clock.advance(Duration.ofSeconds(2)); // past the back-off
        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).isEqualTo(1);
        assertThat(find("MZ-F").getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(relay.unfinished(collection)).isZero();
        assertThat(find("MZ-O").getList(PendingEvents.FIELD, Document.class)).as("no scan before it is due").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).isEqualTo(1);
        assertThat(find("MZ-O").getList(PendingEvents.FIELD, Document.class)).isEmpty();
        assertThat(TopicProbe.read(topic, 2, Duration.ofSeconds(20))).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                .containsExactlyInAnyOrder(failed.id(), orphan.id());
    }

    @Test
    void aScanThatFindsAFullBatchIsRepeatedAtTheNextTick() {
        var relay = relay(kafka, new SteppedClock(), 2);
        for (int i = 0; i < 5; i++) {
            insert("MZ-B" + i, List.of(event("MZ-B" + i, 1)));
        }

        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).isEqualTo(2);
        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).isEqualTo(2);
        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).isEqualTo(1);
        insert("MZ-B5", List.of(event("MZ-B5", 1)));
        assertThat(relay.sweepDue().block(Duration.ofSeconds(20))).as("the last scan was not full: the next waits").isZero();
        assertThat(TopicProbe.read(topic, 5, Duration.ofSeconds(20))).hasSize(5);
    }

    @Test
    void theBackgroundSweepScansAtStartAndBindsTheFullSweepInterval() {
        var leftover = event("MZ-S", 1);
        insert("MZ-S", List.of(leftover)); // left by an instance that crashed before its drain
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
                .withBean(ReactiveMongoTemplate.class, () -> mongo)
                .withBean(KafkaProperties.class, KafkaProperties::new)
                .withBean(EventPublisher.class, () -> kafka)
                .withPropertyValues("minzheng.outbox.collections." + collection + "=" + topic,
                        "minzheng.outbox.sweep-interval=50ms", "minzheng.outbox.full-sweep-interval=1h")
                .run(context -> {
                    assertThat(context.getBean(OutboxProperties.class).fullSweepInterval()).isEqualTo(Duration.ofHours(1));
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                            assertThat(find("MZ-S").getList(PendingEvents.FIELD, Document.class)).isEmpty());
                });
        assertThat(TopicProbe.read(topic, 1, Duration.ofSeconds(20))).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                .containsExactly(leftover.id());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private OutboxRelay relay(EventPublisher publisher, Clock clock, int batchSize) {
        var properties = new OutboxProperties(Map.of(collection, topic), Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofSeconds(1), batchSize, Duration.ofSeconds(3), "me", false,
                Duration.ofMinutes(1));
        return new OutboxRelay(mongo, publisher, properties.collections(), properties, "me", new SimpleMeterRegistry(), clock);
    }
}
