package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * A service's {@code Clock} bean is business time: its tests move it days ahead (re-checks due, deadlines
 * passed). Leases of the outbox claims must not follow it, or a request-path drain still sending looks
 * expired to the sweep and the same event goes out twice.
 */
class OutboxBusinessClockTest extends OutboxStoreTestBase {

    private final SteppedClock businessClock = new SteppedClock();

    private ApplicationContextRunner service(EventPublisher publisher, String sweepInterval, boolean sweep) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
                .withBean(ReactiveMongoTemplate.class, () -> mongo)
                .withBean(KafkaProperties.class, KafkaProperties::new)
                .withBean(EventPublisher.class, () -> publisher)
                .withBean(Clock.class, () -> businessClock)
                .withPropertyValues("minzheng.outbox.collections." + collection + "=" + topic,
                        "minzheng.outbox.sweep-interval=" + sweepInterval,
                        "minzheng.outbox.sweep-enabled=" + sweep,
                        "minzheng.outbox.delivery-timeout=3s");
    }

    @Test
    void movingTheBusinessClockDoesNotLetTheSweepTakeALiveClaim() {
        insert("MZ-B", List.of(event("MZ-B", 1), event("MZ-B", 2)));
        var relay = new AtomicReference<OutboxRelay>();
        var moved = new AtomicBoolean();
        var published = new ArrayList<String>();
        EventPublisher movingClock = (t, key, e) -> kafka.publish(t, key, e)
                .doOnSuccess(v -> {
                    synchronized (published) {
                        published.add(e.id());
                    }
                })
                // while the request-path drain sends, a test moves the service's date a day ahead and the sweep runs
                .then(Mono.defer(() -> moved.compareAndSet(false, true)
                        ? Mono.fromRunnable(() -> businessClock.advance(Duration.ofDays(1))).then(relay.get().sweepOnce()).then()
                        : Mono.<Void>empty()));

        service(movingClock, "1h", false).run(context -> {
            relay.set(context.getBean(OutboxRelay.class));
            relay.get().publishPending(collection, "MZ-B").block(Duration.ofSeconds(30));

            assertThat(published).hasSize(2).doesNotHaveDuplicates();
            assertThat(pending("MZ-B")).isEmpty();
        });
    }

    @Test
    void manyWritesWithAnEagerSweepWhileTheBusinessClockJumpsPublishEachEventOnce() {
        int documents = 30;
        List<String> written = new ArrayList<>();
        service(kafka, "5ms", true).run(context -> {
            var relay = context.getBean(OutboxRelay.class);
            for (int i = 0; i < documents; i++) {
                String id = "MZ-W" + i;
                var first = event(id, 1);
                var second = event(id, 2);
                written.add(first.id());
                written.add(second.id());
                insert(id, List.of(first, second));
                relay.publishInBackground(collection, id);
                businessClock.advance(Duration.ofDays(1));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (int i = 0; i < documents; i++) {
                    if (!pending("MZ-W" + i).isEmpty()) {
                        return false;
                    }
                }
                return true;
            });
        });

        // one more than written: a duplicate would show; reading stops at the time-out otherwise
        var ids = TopicProbe.read(topic, written.size() + 1, Duration.ofSeconds(3)).stream()
                .map(r -> TopicProbe.header(r, CloudEventHeaders.ID)).toList();
        assertThat(ids).as("ce_ids on the topic").containsExactlyInAnyOrderElementsOf(written);
    }

    private List<Document> pending(String id) {
        return mongo.findById(id, Document.class, collection).block().getList(PendingEvents.FIELD, Document.class, List.of());
    }
}
