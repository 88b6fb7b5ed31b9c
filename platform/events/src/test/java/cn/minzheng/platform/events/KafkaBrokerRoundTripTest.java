package cn.minzheng.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.embedded.EmbeddedInfra;

/** The codec against a real broker: what a producer sends is what a consumer reads. */
class KafkaBrokerRoundTripTest {

    private static String bootstrap;

    @BeforeAll
    static void broker() {
        bootstrap = EmbeddedInfra.shared().bootstrapServers();
    }

    private static String freshTopic() {
        String topic = "events-test-" + UUID.randomUUID();
        EmbeddedInfra.shared().kafka().createTopics(topic, 1);
        return topic;
    }

    @Test
    void anEventSentWithTheSerializerIsReadBackEqual() {
        String topic = freshTopic();
        EventEnvelope event = SampleEvents.approved();
        EventEnvelope untraced = SampleEvents.approved().toBuilder().id(UUID.randomUUID().toString()).traceparent(null).build();

        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new EventEnvelopeSerializer())) {
            producer.send(new ProducerRecord<>(topic, event.key(), event));
            producer.send(new ProducerRecord<>(topic, untraced.key(), untraced));
            producer.flush();
        }

        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EventEnvelopeDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 2;
            });
        }

        assertThat(records).extracting(ConsumerRecord::value).containsExactly(event, untraced);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("DB-421303-20260302-0007");
        assertThat(new String(records.get(0).headers().lastHeader(CloudEventHeaders.TYPE).value(), UTF_8))
                .isEqualTo(EventTypes.APPLICATION_APPROVED);
    }

    @Test
    void aMalformedRecordIsAMalformedEventForEitherWayOfReading() {
        String topic = freshTopic();
        EventEnvelope good = SampleEvents.approved();
        ProducerRecord<String, byte[]> goodRecord = KafkaCloudEvents.toRecord(topic, good);
        ProducerRecord<String, byte[]> badRecord = new ProducerRecord<>(topic, "k", "not json".getBytes(UTF_8));
        KafkaCloudEvents.writeHeaders(good, badRecord.headers());

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(badRecord);
            producer.send(goodRecord);
            producer.flush();
        }

        // raw bytes, decoded by the consumer: the bad one can be dead-lettered, the good one read
        List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(raw::add);
                return raw.size() >= 2;
            });
        }
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(raw.get(0))).isInstanceOf(MalformedEventException.class);
        assertThat(KafkaCloudEvents.fromRecord(raw.get(1))).isEqualTo(good);

        // through the deserializer: Kafka reports the record's position with our exception as cause
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EventEnvelopeDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            RecordDeserializationException failure = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollForFailure(consumer), f -> f != null);
            assertThat(failure.offset()).isZero();
            assertThat(failure.getCause()).isInstanceOf(MalformedEventException.class);
        }
    }

    /**
     * Issue 14 item 2 on the real broker and the real {@code org.events}: a forged assistance
     * approval on the org topic and an org type under the assistance source are each refused where
     * records are decoded (the deserializer: at their offsets, so a container dead-letters them and
     * goes on), and the real org event after them reads back equal.
     */
    @Test
    void aTypeOffItsOwnTopicOrSourceIsPoisonAndTheNextRealEventReads() {
        String topic = Topics.ORG_EVENTS;
        EmbeddedInfra.shared().kafka().createTopics(topic, 1);
        EventEnvelope forgedApproval = SampleEvents.approved().toBuilder().id(UUID.randomUUID().toString()).build();
        EventEnvelope wrongSource = EventOwnershipTest.event(EventTypes.ORGANIZATION_REGISTRATION_APPROVED,
                "/minzheng/assistance");
        EventEnvelope real = EventOwnershipTest.event(EventTypes.ORGANIZATION_REGISTRATION_APPROVED, "/minzheng/org");
        TopicPartition partition = new TopicPartition(topic, 0);
        long start;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            start = consumer.endOffsets(List.of(partition)).get(partition);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope e : List.of(forgedApproval, wrongSource, real)) {
                producer.send(new ProducerRecord<>(topic, 0, e.key(), KafkaCloudEvents.value(e),
                        KafkaCloudEvents.toRecord(topic, e).headers()));
            }
            producer.flush();
        }

        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EventEnvelopeDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, start);
            List<String> refusals = new ArrayList<>();
            for (long offset = start; offset < start + 2; offset++) {
                RecordDeserializationException failure = Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> pollForFailure(consumer), f -> f != null);
                assertThat(failure.offset()).isEqualTo(offset);
                assertThat(failure.getCause()).isInstanceOf(MalformedEventException.class);
                refusals.add(failure.getCause().getMessage());
                consumer.seek(partition, offset + 1); // what a container does after dead-lettering it
            }
            assertThat(refusals.get(0)).contains(forgedApproval.id(), "belongs to topic assistance.events");
            assertThat(refusals.get(1)).contains(wrongSource.id(), "published only by source /minzheng/org");
            List<ConsumerRecord<String, EventEnvelope>> read = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return !read.isEmpty();
            });
            assertThat(read.get(0).offset()).isEqualTo(start + 2);
            assertThat(read.get(0).value()).isEqualTo(real);
        }
    }

    private static RecordDeserializationException pollForFailure(KafkaConsumer<String, EventEnvelope> consumer) {
        try {
            consumer.poll(Duration.ofMillis(200));
            return null;
        } catch (RecordDeserializationException e) {
            return e;
        }
    }

    private static Properties producerProps() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        return props;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        return props;
    }
}
