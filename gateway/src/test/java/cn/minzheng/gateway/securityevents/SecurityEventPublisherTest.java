package cn.minzheng.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** With Kafka unreachable, publishing still returns at once; what does not fit is dropped and counted. */
class SecurityEventPublisherTest {

    @Test
    void kafkaDownNeverBlocksTheCallerAndOverflowIsCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", "127.0.0.1:" + FreePorts.find(),
                "max.block.ms", 300,
                "key.serializer", StringSerializer.class,
                "value.serializer", ByteArraySerializer.class));
        SecurityEventPublisher publisher = new SecurityEventPublisher(producer, 10, meters, Clock.systemUTC());
        publisher.start();
        try {
            // 500 offers against a 10-slot buffer and a relay stuck for 300 ms per event: without the
            // bounded, non-blocking hand-off this would take minutes
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 500; i++) {
                    publisher.publish(new SecurityDenial(SecurityDenial.Kind.RATE_LIMITED, "ip:10.0.0." + (i % 250),
                            null, List.of(), null, "GET", "/api/v1/assistance/applications", "rate limit", null));
                }
            });
            assertThat(meters.get("gateway.security.events").tag("outcome", "dropped").counter().count())
                    .isGreaterThanOrEqualTo(400);
        } finally {
            publisher.destroy();
        }
    }

    @Test
    void anEventThatCannotBeBuiltIsCountedNotThrown() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", "127.0.0.1:" + FreePorts.find(),
                "max.block.ms", 100,
                "key.serializer", StringSerializer.class,
                "value.serializer", ByteArraySerializer.class));
        SecurityEventPublisher publisher = new SecurityEventPublisher(producer, 10, meters, Clock.systemUTC());
        try {
            publisher.publish(new SecurityDenial(SecurityDenial.Kind.FORBIDDEN, " ", "u", List.of("CITIZEN"), null,
                    "GET", "/x", "r", null));
            assertThat(meters.get("gateway.security.events").tag("outcome", "dropped").counter().count()).isEqualTo(1);
        } finally {
            publisher.destroy();
        }
    }

    /**
     * Spring's test context cache pauses an idle context (stop) and restarts it (start): events
     * published after the restart must still reach Kafka. (The producer used to be closed in stop,
     * so every later event failed, and SecurityEventsTest timed out whenever another context had run
     * in between.)
     */
    @Test
    void eventsStillReachKafkaAfterAStopAndAStart() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", cn.minzheng.platform.embedded.EmbeddedInfra.shared().bootstrapServers(),
                "max.block.ms", 5000,
                "key.serializer", StringSerializer.class,
                "value.serializer", ByteArraySerializer.class));
        SecurityEventPublisher publisher = new SecurityEventPublisher(producer, 10, meters, Clock.systemUTC());
        try {
            publisher.start();
            publisher.stop();
            publisher.start();
            publisher.start();
            publisher.publish(new SecurityDenial(SecurityDenial.Kind.RATE_LIMITED, "ip:10.0.0.9", null, List.of(),
                    null, "GET", "/api/v1/assistance/applications", "rate limit", null));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(meters.get("gateway.security.events").tag("outcome", "sent").counter().count())
                            .isEqualTo(1));
            assertThat(meters.get("gateway.security.events").tag("outcome", "failed").counter().count()).isZero();
        } finally {
            publisher.destroy();
        }
    }
}
