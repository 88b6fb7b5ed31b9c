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
