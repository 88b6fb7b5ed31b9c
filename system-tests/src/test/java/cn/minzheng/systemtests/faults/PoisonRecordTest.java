package cn.minzheng.systemtests.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record (not an event at all) written straight into {@code assistance.events}: the audit
 * ingest puts it in {@code assistance.events.dlt} and keeps going — a case submitted afterwards
 * reaches the trail, once, and every chain still verifies.
 */
@Tag("fault")
@Order(13)
class PoisonRecordTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndIngestContinues() {
        Platform platform = Platform.get();
        String key = "poison-" + UUID.randomUUID();
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> kafka = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
            // no CloudEvents headers, a value that is not JSON
            kafka.send(new ProducerRecord<>("assistance.events", key, "{not json at all".getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the poison record", e);
        }

        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer())) {
            kafka.subscribe(List.of("assistance.events.dlt"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                kafka.poll(Duration.ofSeconds(1)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                assertThat(dead).as("the poison record in assistance.events.dlt").isNotEmpty();
            });
        }
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");

        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Trail trail = new Trail(gateway, tokens.of("poison-auditor", "AUDITOR", Households.COUNTY));
        String number = new Cases(gateway).submit(tokens.of("poison-citizen-" + key, "CITIZEN", Households.TOWNSHIP),
                Households.dibao("650.00"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(trail.ofSubject(number)).as("the next case reaches the trail").hasSize(1));
        assertThat(trail.ofSubject(key)).as("the poison record is not in the trail").isEmpty();
        RunSummary.records(1, 0, 0);
        trail.assertEveryChainVerifies();
    }
}
