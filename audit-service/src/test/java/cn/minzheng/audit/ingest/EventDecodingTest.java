package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventDecodingTest {

    private static final EventEnvelope EVENT = EventEnvelope.builder("minzheng.assistance.application.accepted.v1")
            .subject("DB-421303-20260301-0001").actor("clerk-1", "CLERK").regionCode("421303001")
            .time(Instant.parse("2026-03-01T08:00:00.5Z")).aggregateVersion(2)
            .data(EventData.of("DB-421303-20260301-0001", "application").transition("SUBMITTED", "ACCEPTED")
                    .reason("材料齐全").change("monthlyAmountFen", 68000))
            .build();

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> p) {
        return new ConsumerRecord<>(p.topic(), 3, 41, 0L, TimestampType.CREATE_TIME, 0, 0, p.key(), p.value(),
                p.headers() == null ? new RecordHeaders() : new RecordHeaders(p.headers().toArray()), Optional.empty());
    }

    @Test
    void aGoodEventKeepsItsExactDataAndPlace() {
        var outcome = EventDecoding.decode(consumed(KafkaCloudEvents.toRecord("assistance.events", EVENT)));
        assertThat(outcome).isInstanceOf(EventDecoding.Decoded.class);
        var e = ((EventDecoding.Decoded) outcome).event();
        assertThat(e.chain()).isEqualTo("assistance.events-3");
        assertThat(e.offset()).isEqualTo(41);
        assertThat(e.time()).isEqualTo("2026-03-01T08:00:00.500Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) e.data();
        assertThat(data).containsEntry("reason", "材料齐全")
                .containsEntry("changes", Map.of("monthlyAmountFen", 68000L));
    }

    static Stream<Arguments> poison() {
        return Stream.of(
                Arguments.of("no headers", (UnaryOperator<ProducerRecord<String, byte[]>>) p ->
                        new ProducerRecord<>(p.topic(), null, p.key(), p.value(), new RecordHeaders()), "malformed event"),
                Arguments.of("no value", (UnaryOperator<ProducerRecord<String, byte[]>>) p ->
                        new ProducerRecord<>(p.topic(), null, p.key(), null, p.headers()), "no value"),
                Arguments.of("value not JSON", (UnaryOperator<ProducerRecord<String, byte[]>>) p ->
                        new ProducerRecord<>(p.topic(), null, p.key(), "<xml/>".getBytes(StandardCharsets.UTF_8),
                                p.headers()), "malformed event"),
                Arguments.of("value a JSON array", (UnaryOperator<ProducerRecord<String, byte[]>>) p ->
                        new ProducerRecord<>(p.topic(), null, p.key(), "[1]".getBytes(StandardCharsets.UTF_8),
                                p.headers()), "malformed event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison")
    void poisonIsNamedWithItsReason(String what, UnaryOperator<ProducerRecord<String, byte[]>> spoil, String reason) {
        var outcome = EventDecoding.decode(consumed(spoil.apply(KafkaCloudEvents.toRecord("assistance.events", EVENT))));
        assertThat(outcome).as(what).isInstanceOf(EventDecoding.Poison.class);
        assertThat(((EventDecoding.Poison) outcome).reason()).as(what).startsWith(reason);
    }

    @Test
    void anUnknownTypeIsKeptAsItCame() {
        EventEnvelope unknown = EventEnvelope.builder("minzheng.newservice.thing.created.v1").source("/minzheng/newservice").subject("N-1")
                .actor("u", "CLERK").regionCode("421303").data(EventData.of("N-1", "thing").put("extra", List.of("x")))
                .build();
        var outcome = EventDecoding.decode(consumed(KafkaCloudEvents.toRecord("newservice.events", unknown)));
        assertThat(outcome).isInstanceOf(EventDecoding.Decoded.class);
        assertThat(((EventDecoding.Decoded) outcome).event().type()).isEqualTo("minzheng.newservice.thing.created.v1");
    }
}
