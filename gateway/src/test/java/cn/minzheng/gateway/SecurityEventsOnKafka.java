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
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Reads gateway.security-events from the start until what a test expects has arrived. */
final class SecurityEventsOnKafka {

    private SecurityEventsOnKafka() {
    }

    /** Every event read so far once {@code expectation} holds on them (at most 60 s, reading from the topic's beginning). */
    static List<EventEnvelope> readUntil(Consumer<List<EventEnvelope>> expectation) {
        List<EventEnvelope> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            // partitions assigned directly, read from the beginning: no consumer group to join. A group join
            // (subscribe) took up to 22 s on a loaded machine and once passed 30 s in a clean-clone CI run
            List<TopicPartition> partitions = Awaitility.await("the topic " + Topics.GATEWAY_SECURITY_EVENTS)
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(Topics.GATEWAY_SECURITY_EVENTS, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList(), list -> !list.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        seen.add(KafkaCloudEvents.fromRecord(record));
                    }
                    expectation.accept(seen);
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("security events read from " + partitions + " within 60 s: " + seen.size()
                        + " in all, by type and client " + tally(seen) + "; end offsets "
                        + consumer.endOffsets(partitions) + "; positions "
                        + partitions.stream().map(consumer::position).toList(), e);
            }
        }
        return seen;
    }

    private static Map<String, Long> tally(List<EventEnvelope> events) {
        return events.stream().collect(Collectors.groupingBy(
                e -> e.type() + (e.data().has("clientKey") ? " " + e.data().get("clientKey").asString() : ""),
                TreeMap::new, Collectors.counting()));
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
