package cn.minzheng.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
        SecurityEventPublisher publisher = publisher(producer, 10, meters);
        publisher.start();
        try {
            // 500 offers against a 10-slot buffer and a relay stuck for 300 ms per event: without the
            // bounded, non-blocking hand-off this would take minutes
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 500; i++) {
                    publisher.publish(new SecurityDenial(SecurityDenial.Kind.FORBIDDEN, "sub:c" + (i % 250),
                            "c" + (i % 250), List.of("CITIZEN"), null, "GET", "/api/v1/audit/records", "route admits AUDITOR", null));
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
        SecurityEventPublisher publisher = publisher(producer, 10, meters);
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
        SecurityEventPublisher publisher = publisher(producer, 10, meters);
        try {
            publisher.start();
            publisher.stop();
            publisher.start();
            publisher.start();
            publisher.publish(new SecurityDenial(SecurityDenial.Kind.FORBIDDEN, "sub:c9", "c9", List.of("CITIZEN"),
                    null, "GET", "/api/v1/audit/records", "route admits AUDITOR", null));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(meters.get("gateway.security.events").tag("outcome", "sent").counter().count())
                            .isEqualTo(1));
            assertThat(meters.get("gateway.security.events").tag("outcome", "failed").counter().count()).isZero();
        } finally {
            publisher.destroy();
        }
    }

    /**
     * Issue 14: a flood of 401s used to fill the one buffer, and a genuine 403 behind it was dropped.
     * Now 401s are window summaries in a buffer of their own, and the relay sends 403s first.
     */
    @Test
    void aFloodOf401sNeverCrowdsOutA403() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GatedProducer producer = new GatedProducer();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T08:00:05Z"));
        Clock clock = new Clock() {
            @Override public Instant instant() { return now.get(); }
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        };
        SecurityEventPublisher publisher = new SecurityEventPublisher(producer, 5, 5,
                new DenialWindows(Duration.ofMinutes(1), 1000), meters, clock);
        try {
            for (int i = 0; i < 30; i++) {
                publisher.publish(new SecurityDenial(SecurityDenial.Kind.UNAUTHORIZED, "ip:192.0.2." + i, null, List.of(),
                        null, "GET", "/api/v1/assistance/applications", "invalid token: Malformed token", null));
            }
            now.set(now.get().plusSeconds(60));
            publisher.start();
            // the relay closed the 30 windows (5 fit its buffer) and is stuck sending the first
            assertThat(producer.entered.await(10, TimeUnit.SECONDS)).isTrue();
            publisher.publish(new SecurityDenial(SecurityDenial.Kind.FORBIDDEN, "sub:citizen-1", "citizen-1",
                    List.of("CITIZEN"), "421303", "GET", "/api/v1/audit/records", "route admits AUDITOR", null));
            assertThat(meters.get("gateway.security.events").tag("outcome", "dropped").counter().count()).isEqualTo(25);
            producer.gate.countDown();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 6);
            List<String> types = producer.history().stream()
                    .map(record -> new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
            assertThat(types.get(0)).isEqualTo("minzheng.gateway.security.unauthorized.v1");
            assertThat(types.get(1)).as("the 403 goes before the waiting summaries").isEqualTo("minzheng.gateway.security.forbidden.v1");
            assertThat(types.subList(2, 6)).containsOnly("minzheng.gateway.security.unauthorized.v1");
        } finally {
            producer.gate.countDown();
            publisher.destroy();
        }
    }

    /** A producer whose first send waits until the test opens the gate: Kafka being slow. */
    private static final class GatedProducer extends MockProducer<String, byte[]> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        GatedProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.send(record, callback);
        }
    }

    private static SecurityEventPublisher publisher(KafkaProducer<String, byte[]> producer, int capacity, SimpleMeterRegistry meters) {
        return new SecurityEventPublisher(producer, capacity, capacity, new DenialWindows(Duration.ofMinutes(1), 100),
                meters, Clock.systemUTC());
    }
}
