package cn.minzheng.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** Whatever arrives on a topic, the decoder answers with an event or a MalformedEventException. */
class KafkaCloudEventsProperties {

    @Property(tries = 500)
    void randomHeadersAndValueNeverThrowAnythingElse(
            @ForAll("headers") List<Tuple.Tuple2<String, byte[]>> headers, @ForAll byte[] value) {
        Headers kafkaHeaders = new RecordHeaders();
        headers.forEach(h -> kafkaHeaders.add(h.get1(), h.get2()));

        decodeOrMalformed(kafkaHeaders, value);
    }

    @Property(tries = 500)
    void aValidEventWithOneHeaderOrTheValueDamagedNeverThrowsAnythingElse(
            @ForAll("headerNames") String damaged, @ForAll byte[] replacement, @ForAll byte[] value,
            @ForAll boolean damageValue) {
        EventEnvelope event = SampleEvents.approved();
        Headers headers = KafkaCloudEventsTest.headersOf(event);
        headers.remove(damaged);
        headers.add(damaged, replacement);

        decodeOrMalformed(headers, damageValue ? value : KafkaCloudEvents.value(event));
    }

    @Property(tries = 300)
    void randomTextInEveryAttributeNeverThrowsAnythingElse(
            @ForAll("headerNames") String damaged, @ForAll @Size(max = 40) String text,
            @ForAll("jsonish") String value) {
        Headers headers = KafkaCloudEventsTest.headersOf(SampleEvents.approved());
        headers.remove(damaged);
        headers.add(damaged, text.getBytes(UTF_8));

        decodeOrMalformed(headers, value.getBytes(UTF_8));
    }

    @Property(tries = 300)
    void everyWellFormedEnvelopeSurvivesTheRoundTrip(
            @ForAll @Size(min = 1, max = 30) String subject, @ForAll @Size(min = 1, max = 30) String reason,
            @ForAll("instants") Instant time, @ForAll("versions") long version, @ForAll boolean traced) {
        if (subject.isBlank()) {
            return;
        }
        EventEnvelope event = SampleEvents.approved().toBuilder()
                .subject(subject)
                .time(time)
                .aggregateVersion(version)
                .traceparent(traced ? SampleEvents.TRACEPARENT : null)
                .data(EventData.of(subject, "application").reason(reason))
                .build();

        EventEnvelope back = KafkaCloudEvents.read(KafkaCloudEventsTest.headersOf(event), KafkaCloudEvents.value(event));

        assertThat(back).isEqualTo(event);
    }

    private static void decodeOrMalformed(Headers headers, byte[] value) {
        try {
            EventEnvelope event = KafkaCloudEvents.read(headers, value);
            assertThat(event.data().isObject()).isTrue();
        } catch (MalformedEventException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of(CloudEventHeaders.ALL);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, byte[]>>> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(headerNames(), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<byte[]> values = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.strings().ofMaxLength(40).map(s -> s.getBytes(UTF_8)),
                Arbitraries.just(null));
        return Combinators.combine(names, values).as(Tuple::of).list().ofMaxSize(16);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,0123456789-.eEtrufalsn \\").ofMaxLength(30),
                Arbitraries.just("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"),
                Arbitraries.just("{\"n\":1e999999999}"),
                Arbitraries.just("{}"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }

    @Provide
    Arbitrary<Long> versions() {
        return Arbitraries.longs().greaterOrEqual(0);
    }
}
