package cn.minzheng.systemtests.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once delivery: a case's events, already in the trail, are delivered again — the very
 * records (key, headers, value) written once more to {@code assistance.events}. A poison record
 * written after them on the same partition marks the point: once it is in the dead-letter topic the
 * ingest has read past the redelivered events, and the trail still holds each of them once.
 */
@Tag("fault")
@Order(14)
class RedeliveredEventTest {

    static final String TOPIC = "assistance.events";

    @Test
    void redeliveredEventsAreInTheTrailOnce() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Trail trail = new Trail(gateway, tokens.of("redelivery-auditor", "AUDITOR", Households.COUNTY));
        String number = new Cases(gateway).submit(tokens.of("redelivery-citizen-" + UUID.randomUUID(), "CITIZEN",
                Households.TOWNSHIP), Households.dibao("680.00"));
        List<JsonNode> before = new ArrayList<>();
        await("the case in the trail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            before.clear();
            before.addAll(trail.ofSubject(number));
            assertThat(before).isNotEmpty();
        });

        List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = consumer(platform)) {
            kafka.subscribe(List.of(TOPIC));
            await("the case's records in " + TOPIC).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                kafka.poll(Duration.ofSeconds(1)).forEach(r -> {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(number)) {
                        originals.add(r);
                    }
                });
                assertThat(originals).hasSizeGreaterThanOrEqualTo(before.size());
            });
        }
        String marker = "redelivery-marker-" + UUID.randomUUID();
        int partition = originals.get(0).partition();
        try (KafkaProducer<String, byte[]> kafka = producer(platform)) {
            for (ConsumerRecord<String, byte[]> r : originals) {
                kafka.send(new ProducerRecord<>(TOPIC, r.partition(), r.key(), r.value(), r.headers())).get();
            }
            kafka.send(new ProducerRecord<>(TOPIC, partition, marker, "not an event".getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot deliver the records again", e);
        }
        try (KafkaConsumer<String, byte[]> kafka = consumer(platform)) {
            kafka.subscribe(List.of(TOPIC + ".dlt"));
            boolean[] seen = {false};
            await("the marker behind the redelivered records in the dead-letter topic").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ZERO).untilAsserted(() -> {
                        kafka.poll(Duration.ofSeconds(1)).forEach(r -> seen[0] |= marker.equals(r.key()));
                        assertThat(seen[0]).isTrue();
                    });
        }
        List<JsonNode> after = trail.ofSubject(number);
        int duplicated = Math.max(0, after.size() - before.size());
        RunSummary.records(originals.size(), 0, duplicated);
        assertThat(after).as("the trail of " + number + " after " + originals.size() + " records were delivered again")
                .hasSameSizeAs(before);
        trail.assertEveryChainVerifies();
    }

    private static KafkaConsumer<String, byte[]> consumer(Platform platform) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Platform platform) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
