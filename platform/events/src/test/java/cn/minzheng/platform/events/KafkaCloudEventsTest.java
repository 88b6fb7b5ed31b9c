package cn.minzheng.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaCloudEventsTest {

    @Test
    void roundTripKeepsEveryAttributeAndChineseData() {
        EventEnvelope event = SampleEvents.approved();

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(event);

        assertThat(record.topic()).isEqualTo(Topics.ASSISTANCE_EVENTS);
        assertThat(record.key()).isEqualTo("DB-421303-20260302-0007");
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_type")).isEqualTo("minzheng.assistance.application.approved.v1");
        assertThat(header(record.headers(), "ce_source")).isEqualTo("/minzheng/assistance");
        assertThat(header(record.headers(), "ce_time")).isEqualTo("2026-03-02T01:30:15.123456789Z");
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(header(record.headers(), "ce_aggregateversion")).isEqualTo("7");
        assertThat(new String(record.value(), UTF_8)).contains("随州市曾都区");

        EventEnvelope back = KafkaCloudEvents.fromRecord(consumed(record));

        assertThat(back).isEqualTo(event);
        assertThat(back.data().get("reason").asString()).startsWith("人均收入");
    }

    @Test
    void roundTripWithoutTraceparentWritesNoTraceHeader() {
        EventEnvelope event = SampleEvents.approved().toBuilder().traceparent(null).build();

        ProducerRecord<String, byte[]> record = KafkaCloudEvents.toRecord(Topics.ASSISTANCE_EVENTS, event);

        assertThat(record.headers().lastHeader("ce_traceparent")).isNull();
        EventEnvelope back = KafkaCloudEvents.fromRecord(consumed(record));
        assertThat(back.traceparent()).isNull();
        assertThat(back).isEqualTo(event);
    }

    @Test
    void serializerAndDeserializerRoundTrip() {
        EventEnvelope event = SampleEvents.approved();
        Headers headers = new RecordHeaders();
        headers.add("x-unrelated", "kept".getBytes(UTF_8));
        headers.add("ce_id", "stale-value-replaced".getBytes(UTF_8));

        try (var serializer = new EventEnvelopeSerializer(); var deserializer = new EventEnvelopeDeserializer()) {
            byte[] value = serializer.serialize(Topics.ASSISTANCE_EVENTS, headers, event);
            EventEnvelope back = deserializer.deserialize(Topics.ASSISTANCE_EVENTS, headers, value);

            assertThat(back).isEqualTo(event);
            assertThat(header(headers, "x-unrelated")).isEqualTo("kept");
            assertThatThrownBy(() -> deserializer.deserialize(Topics.ASSISTANCE_EVENTS, value))
                    .isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void unknownTypeDecodesAsAGenericEnvelope() {
        Headers headers = headersOf(SampleEvents.approved());
        replace(headers, "ce_type", "minzheng.future.thing.happened.v3");
        replace(headers, "ce_source", "/minzheng/future");

        EventEnvelope back = KafkaCloudEvents.read(headers, "{\"anything\":[1,2,3]}".getBytes(UTF_8));

        assertThat(back.type()).isEqualTo("minzheng.future.thing.happened.v3");
        assertThat(back.catalogued()).isEmpty();
        assertThat(back.data().get("anything").size()).isEqualTo(3);
    }

    @Test
    void acceptsTimeWithOffsetAndContentTypeWithCharset() {
        Headers headers = headersOf(SampleEvents.approved());
        replace(headers, "ce_time", "2026-03-02T09:30:15+08:00");
        replace(headers, "content-type", "application/json; charset=utf-8");

        EventEnvelope back = KafkaCloudEvents.read(headers, KafkaCloudEvents.value(SampleEvents.approved()));

        assertThat(back.time()).isEqualTo(Instant.parse("2026-03-02T01:30:15Z"));
    }

    static Stream<Arguments> malformedRecords() {
        return Stream.of(
                malformed("missing ce_id", h -> h.remove("ce_id")),
                malformed("missing ce_specversion", h -> h.remove("ce_specversion")),
                malformed("missing ce_source", h -> h.remove("ce_source")),
                malformed("missing ce_type", h -> h.remove("ce_type")),
                malformed("missing ce_subject", h -> h.remove("ce_subject")),
                malformed("missing ce_time", h -> h.remove("ce_time")),
                malformed("missing content-type", h -> h.remove("content-type")),
                malformed("missing ce_actorid", h -> h.remove("ce_actorid")),
                malformed("missing ce_actorrole", h -> h.remove("ce_actorrole")),
                malformed("missing ce_regioncode", h -> h.remove("ce_regioncode")),
                malformed("missing ce_aggregateversion", h -> h.remove("ce_aggregateversion")),
                malformed("wrong specversion", h -> replace(h, "ce_specversion", "0.3")),
                malformed("id not a UUID", h -> replace(h, "ce_id", "12345")),
                malformed("empty id", h -> replace(h, "ce_id", "")),
                malformed("blank subject", h -> replace(h, "ce_subject", "   ")),
                malformed("bad time", h -> replace(h, "ce_time", "2026-02-30T10:00:00Z")),
                malformed("time without offset", h -> replace(h, "ce_time", "2026-03-02T10:00:00")),
                malformed("time as epoch", h -> replace(h, "ce_time", "1772415015")),
                malformed("source outside the platform", h -> replace(h, "ce_source", "https://example.com")),
                malformed("type not of the platform form", h -> replace(h, "ce_type", "com.example.created")),
                malformed("version not a number", h -> replace(h, "ce_aggregateversion", "seven")),
                malformed("negative version", h -> replace(h, "ce_aggregateversion", "-1")),
                malformed("xml content type", h -> replace(h, "content-type", "application/xml")),
                malformed("bad traceparent", h -> replace(h, "ce_traceparent", "not-a-trace")),
                malformed("header not UTF-8", h -> {
                    h.remove("ce_subject");
                    h.add("ce_subject", new byte[] {(byte) 0xC3, (byte) 0x28});
                }),
                malformed("duplicate ce_type", h -> h.add("ce_type", "minzheng.org.organization.revoked.v1".getBytes(UTF_8))),
                malformed("null header value", h -> {
                    h.remove("ce_actorid");
                    h.add("ce_actorid", null);
                }));
    }

    private static Arguments malformed(String name, Consumer<Headers> damage) {
        return Arguments.of(name, damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedHeadersAreRejected(String name, Consumer<Headers> damage) {
        EventEnvelope event = SampleEvents.approved();
        Headers headers = headersOf(event);
        damage.accept(headers);

        assertThatThrownBy(() -> KafkaCloudEvents.read(headers, KafkaCloudEvents.value(event)))
                .isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest(name = "value: {0}")
    @ValueSource(strings = {"", "not json", "{\"a\":", "[1,2]", "\"text\"", "42", "null", "{} {}",
            "{\"a\":1,\"a\":2}", "{\"a\":1} trailing"})
    void valueThatIsNotAJsonObjectIsRejected(String value) {
        Headers headers = headersOf(SampleEvents.approved());

        assertThatThrownBy(() -> KafkaCloudEvents.read(headers, value.getBytes(UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void nullValueHeadersOrRecordAreRejected() {
        Headers headers = headersOf(SampleEvents.approved());

        assertThatThrownBy(() -> KafkaCloudEvents.read(headers, null)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> KafkaCloudEvents.read(null, new byte[] {'{', '}'}))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(null)).isInstanceOf(MalformedEventException.class);
    }

    static Headers headersOf(EventEnvelope event) {
        Headers headers = new RecordHeaders();
        KafkaCloudEvents.writeHeaders(event, headers);
        return headers;
    }

    static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(UTF_8));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), UTF_8);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 42L, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
