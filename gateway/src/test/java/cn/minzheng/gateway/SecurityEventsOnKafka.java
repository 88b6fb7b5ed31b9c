package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads gateway.security-events from the start until what a test expects has arrived. */
final class SecurityEventsOnKafka {

    private SecurityEventsOnKafka() {
    }

    /** Every event read so far once {@code expectation} holds on them (at most 30 s). */
    static List<EventEnvelope> readUntil(Consumer<List<EventEnvelope>> expectation) {
        List<EventEnvelope> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.GATEWAY_SECURITY_EVENTS));
            // a new consumer group joins and reads the whole topic from the start; this class took 4–22 s here
            // and one clean-clone CI run timed out at 30 s (cause not diagnosed: a slow join or a lost event look
            // alike). A lost event still fails the wait; a slow one no longer does
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(KafkaCloudEvents.fromRecord(record));
                }
                expectation.accept(seen);
            });
        }
        return seen;
    }

    static List<EventEnvelope> of(List<EventEnvelope> events, String type, String clientKey) {
        return events.stream()
                .filter(e -> e.type().equals(type))
                .filter(e -> e.data().has("clientKey") && clientKey.equals(e.data().get("clientKey").asString()))
                .toList();
    }

    static void exactlyOne(List<EventEnvelope> events, String type, String clientKey) {
        assertThat(of(events, type, clientKey)).as(type + " for " + clientKey).hasSize(1);
    }
}
