package cn.minzheng.audit.ingest;

import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic of the embedded broker from its start (a fresh group each time). */
final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /** The first {@code expected} records (or more, as polled) of {@code topic}. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        return read(topic, out -> out.size() >= expected);
    }

    /** The records of {@code topic} that {@code wanted} accepts, once {@code count} of them arrived (a shared topic). */
    static List<ConsumerRecord<String, byte[]>> readMatching(String topic, Predicate<ConsumerRecord<String, byte[]>> wanted,
            int count) {
        List<ConsumerRecord<String, byte[]>> all = read(topic, out -> out.stream().filter(wanted).count() >= count);
        return all.stream().filter(wanted).toList();
    }

    /** A header's value as UTF-8, null when absent. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return enough.test(out);
            });
            return out;
        }
    }
}
