package cn.minzheng.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.testapp.RecordingListener;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.nio.charset.StandardCharsets;
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

/** A listener with only the kit's defaults: poison and failing records go to the DLT, the consumer lives on. */
class KafkaConsumerDefaultsWebTest extends WebAppTestBase {

    private static final String DLT = Topics.deadLetterOf(RecordingListener.TOPIC);

    @BeforeAll
    static void topics() {
        TestInfra.infra().kafka().createTopics(Map.of(RecordingListener.TOPIC, 1, DLT, 1));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        send(new ProducerRecord<>(RecordingListener.TOPIC, poisonKey, "{not an event".getBytes(StandardCharsets.UTF_8)));
        EventEnvelope good = event(null);
        send(KafkaCloudEvents.toRecord(RecordingListener.TOPIC, good));

        await().atMost(Duration.ofSeconds(30)).until(() -> RecordingListener.RECEIVED.stream().anyMatch(e -> e.id().equals(good.id())));
        var dead = TopicProbe.read(DLT, 1, Duration.ofSeconds(30)).stream().filter(r -> poisonKey.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(RecordingListener.TOPIC);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    @Test
    void recordThatKeepsFailingIsRetriedThenDeadLettered() {
        EventEnvelope failing = event("reject");
        send(KafkaCloudEvents.toRecord(RecordingListener.TOPIC, failing));

        var dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicProbe.read(DLT, 1, Duration.ofSeconds(2)).stream()
                        .filter(r -> failing.id().equals(TopicProbe.header(r, "ce_id"))).toList(),
                list -> !list.isEmpty());
        assertThat(RecordingListener.ATTEMPTS.stream().filter(failing.id()::equals)).hasSize(3);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("cannot process");
        assertThat(KafkaCloudEvents.fromRecord(dead.get(0)).id()).isEqualTo(failing.id());
    }

    @Test
    void listenerRunsInTheProducersTraceAndForgetsItAfterTheRecord() {
        String traceId = "2bf92f3577b34da6a3ce929d0e0e4736";
        String producerSpan = "00f067aa0ba902b7";
        EventEnvelope traced = event(null).toBuilder().traceparent("00-" + traceId + "-" + producerSpan + "-01").build();
        EventEnvelope untraced = event(null).toBuilder().traceparent(null).build();
        send(KafkaCloudEvents.toRecord(RecordingListener.TOPIC, traced));
        send(KafkaCloudEvents.toRecord(RecordingListener.TOPIC, untraced));

        await().atMost(Duration.ofSeconds(30)).until(() -> RecordingListener.TRACE_IN_MDC.containsKey(untraced.id()));
        String[] seen = RecordingListener.TRACE_IN_MDC.get(traced.id()).split("/");
        assertThat(seen[0]).isEqualTo(traceId);
        assertThat(seen[1]).matches("[0-9a-f]{16}").isNotEqualTo(producerSpan);
        assertThat(seen[2]).isEqualTo("00-" + traceId + "-" + seen[1] + "-01");
        assertThat(RecordingListener.TRACE_IN_MDC.get(untraced.id())).isEqualTo("null/null/none");
    }

    private static EventEnvelope event(String reason) {
        String id = "MZ-" + UUID.randomUUID();
        return EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject(id).actor("c", "CITIZEN")
                .regionCode("110105").aggregateVersion(1)
                .data(EventData.of(id, "application").transition(null, "SUBMITTED").reason(reason)).build();
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.infra().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
