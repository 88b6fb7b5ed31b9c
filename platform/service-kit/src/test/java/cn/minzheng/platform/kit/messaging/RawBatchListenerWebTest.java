package cn.minzheng.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.testapp.RawRecordingListener;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw-bytes batch mode: poison reaches the listener, which dead-letters the exact bytes. */
class RawBatchListenerWebTest extends WebAppTestBase {

    private static final String DLT = Topics.deadLetterOf(RawRecordingListener.TOPIC);

    @BeforeAll
    static void topics() {
        TestInfra.infra().kafka().createTopics(Map.of(RawRecordingListener.TOPIC, 1, DLT, 1));
    }

    @Test
    void poisonIsHandedToTheListenerAndDeadLetteredByteForByte() throws Exception {
        byte[] poison = {0, (byte) 0xff, '{', 'n', 'o', 't'};
        String poisonKey = "poison-" + UUID.randomUUID();
        String id = "MZ-" + UUID.randomUUID();
        EventEnvelope good = EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject(id).actor("c", "CITIZEN")
                .regionCode("110105").aggregateVersion(1)
                .data(EventData.of(id, "application").transition(null, "SUBMITTED")).build();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.infra().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(RawRecordingListener.TOPIC, poisonKey, poison)).get();
            producer.send(KafkaCloudEvents.toRecord(RawRecordingListener.TOPIC, good)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> RawRecordingListener.DECODED.contains(good.id()));
        assertThat(RawRecordingListener.SEEN).anySatisfy(bytes -> assertThat(bytes).isEqualTo(poison));
        var dead = TopicProbe.read(DLT, 1, Duration.ofSeconds(30)).stream().filter(r -> poisonKey.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(RawRecordingListener.TOPIC);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).isNotBlank();
        client().get().uri("/actuator/prometheus").exchange().expectBody(String.class).value(body -> assertThat(body)
                .contains("kafka_dead_letters_total{application=\"kit-test\",topic=\"" + RawRecordingListener.TOPIC + "\"} 1.0"));
    }
}
