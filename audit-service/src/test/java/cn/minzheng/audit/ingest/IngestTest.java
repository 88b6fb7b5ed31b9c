package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.verify.Verification;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.messaging.KafkaConsumerAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;

class IngestTest extends AuditServiceTestBase {

    /** The service's record keys: hand-made appenders MAC as the service does, so its verification accepts them. */
    @Autowired
    cn.minzheng.audit.chain.RecordMac recordMac;

    @Autowired
    MongoDatabase database;
    @Autowired
    ChainStore chains;
    @Autowired
    Verification verification;
    @Autowired
    IngestBatch ingestBatch;
    @Autowired
    @Qualifier(KafkaConsumerAutoConfiguration.RAW_BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;

    private long storedOf(String topic) {
        return Mono.from(database.getCollection("audit_records").countDocuments(Filters.eq("topic", topic)))
                .block(Duration.ofSeconds(30));
    }

    private void assertEveryChainIntact(String topic, int partitions, long expectedTotal) {
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            String chain = topic + "-" + p;
            ChainVerdict v = verification.verify(chain, null, null).block(Duration.ofSeconds(60));
            if (v == null) {
                continue; // no event landed on this partition
            }
            assertThat(v.ok()).as("chain %s: %s", chain, v.failure()).isTrue();
            assertThat(v.toSequence()).isEqualTo(v.count());
            total += v.count();
        }
        assertThat(total).isEqualTo(expectedTotal);
    }

    @Test
    void tenThousandRedeliveredEventsAreStoredOnce() {
        String topic = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 2);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            EventEnvelope e = event("minzheng.assistance.application.submitted.v1", "DB-421303-20260301-" + (i % 97),
                    "421303001", null, "SUBMITTED", null, t0.plusSeconds(i));
            records.add(KafkaCloudEvents.toRecord(topic, e));
        }
        // every event twice, as after a producer retry or a consumer crash before commit
        for (int round = 0; round < 2; round++) {
            records.forEach(r -> producer().send(r));
        }
        producer().flush();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> storedOf(topic) >= 10_000);
        // the second round must not add anything: wait until the consumer has caught up with it
        await().atMost(Duration.ofMinutes(2)).until(() -> lag(topic) == 0);
        assertThat(storedOf(topic)).isEqualTo(10_000);
        assertEveryChainIntact(topic, 2, 10_000);
    }

    @Test
    void poisonGoesToTheDeadLettersAndIngestContinues() {
        String topic = "poison-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 1);
        createTopic(topic + ".dlt", 1);
        send(new ProducerRecord<>(topic, "k", "not an event".getBytes(StandardCharsets.UTF_8)));
        EventEnvelope good = event("minzheng.assistance.application.accepted.v1", "DB-1", "421303001", "SUBMITTED",
                "ACCEPTED", "材料齐全", Instant.now());
        ProducerRecord<String, byte[]> duplicateKeys = KafkaCloudEvents.toRecord(topic, good);
        send(new ProducerRecord<>(topic, null, "k2", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                duplicateKeys.headers()));
        send(topic, good);
        EventEnvelope unknown = EventEnvelope.builder("minzheng.future.thing.happened.v1").source("/minzheng/future")
                .subject("F-1").actor("someone", "CLERK").regionCode("421303")
                .data(cn.minzheng.platform.events.EventData.of("F-1", "thing").put("brandNew", List.of(1, 2.5))).build();
        send(topic, unknown);

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(topic) == 2);
        List<ConsumerRecord<String, byte[]>> dead = DeadLetterTopic.readAll(topic + ".dlt", 2);
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                StandardCharsets.UTF_8)).startsWith("malformed event");
        assertThat(new String(dead.get(1).headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                StandardCharsets.UTF_8)).startsWith("malformed event").contains("Duplicate");
        assertThat(new String(dead.get(0).headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                StandardCharsets.UTF_8)).isEqualTo(topic);
        // dead letters are counted for the DeadLetterRecords alert, per original topic
        assertThat(scrape("kafka_dead_letters_total", "topic=\"" + topic + "\"")).hasValue(2.0);
        // exact bytes: the poison value is on the dead-letter topic unchanged
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not an event");

        AuditRecord stored = chains.record(topic + "-0", 2).block(Duration.ofSeconds(10));
        assertThat(stored.type()).isEqualTo("minzheng.future.thing.happened.v1");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) stored.data();
        assertThat(data).containsEntry("aggregateId", "F-1").containsEntry("aggregateType", "thing")
                .containsEntry("brandNew", List.of(1L, 2.5));
        assertEveryChainIntact(topic, 1, 2);
    }

    @Test
    void twoConsumersSharingPartitionsKeepEveryChainIntact() {
        String topic = "shared-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 4);
        ConcurrentMessageListenerContainer<String, byte[]> second = containerFactory.createContainer(Pattern.compile(
                Pattern.quote(topic)));
        second.getContainerProperties().setGroupId("audit-service");
        second.getContainerProperties().setMessageListener(
                (BatchMessageListener<String, byte[]>) records -> ingestBatch.handle(records));
        second.getContainerProperties().setConsumerRebalanceListener(null);
        int total = 3000;
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        try {
            second.start();
            for (int i = 0; i < total; i++) {
                producer().send(KafkaCloudEvents.toRecord(topic, event("minzheng.org.organization.change-filed.v1",
                        "ORG-" + (i % 31), "421303", null, null, "变更登记 " + i, t0.plusMillis(i))));
                if (i == total / 3) {
                    producer().flush();
                    second.stop(); // rebalance: the first consumer takes the partitions over mid-stream
                }
                if (i == 2 * total / 3) {
                    producer().flush();
                    second.start(); // and shares them again
                }
            }
            producer().flush();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> storedOf(topic) >= total);
        } finally {
            second.stop();
        }
        assertEveryChainIntact(topic, 4, total);
    }

    @Test
    void racingAppendersOnOneChainNeverForkIt() throws Exception {
        // A consumer that lost its partition but still writes (a zombie) races the new owner.
        String topic = "race-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        String chain = topic + "-0";
        ChainHeadGauges gauges = new ChainHeadGauges(new SimpleMeterRegistry());
        ChainAppender zombie = new ChainAppender(chains, java.time.Clock.systemUTC(), gauges,
                recordMac);
        ChainAppender owner = new ChainAppender(chains, java.time.Clock.systemUTC(), gauges,
                recordMac);
        List<cn.minzheng.audit.chain.IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(cn.minzheng.audit.chain.ChainFixture.event(topic, 0, i));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                for (int i = 0; i < 400; i += 20) {
                    zombie.append(chain, events.subList(i, i + 20));
                }
            });
            var b = pool.submit(() -> {
                for (int i = 0; i < 400; i += 25) {
                    owner.append(chain, events.subList(i, i + 25));
                }
            });
            a.get(2, java.util.concurrent.TimeUnit.MINUTES);
            b.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedOf(topic)).isEqualTo(400);
        assertEveryChainIntact(topic, 1, 400);
        assertThat(gauges.sequence(chain)).hasValue(400);
    }

    private long lag(String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                EmbeddedInfra.shared().bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets("audit-service").partitionsToOffsetAndMetadata()
                    .get();
            long lag = 0;
            for (int p = 0; p < 2; p++) {
                var tp = new org.apache.kafka.common.TopicPartition(topic, p);
                long end = admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                        .partitionResult(tp).get().offset();
                var c = committed.get(tp);
                lag += end - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }
}
