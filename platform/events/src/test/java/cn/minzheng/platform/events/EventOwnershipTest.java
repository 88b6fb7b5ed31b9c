package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 2: an event type is accepted only from the topic and the source that own it. Every
 * catalogued type against every platform topic and every platform source, read the way consumers
 * read ({@code fromRecord}, the deserializer).
 */
class EventOwnershipTest {

    private static final List<String> SOURCES = List.of("/minzheng/assistance", "/minzheng/org", "/minzheng/audit",
            "/minzheng/gateway", "/minzheng/newservice");

    static Stream<Arguments> everyTypeOnEveryTopicFromEverySource() {
        List<Arguments> cases = new ArrayList<>();
        for (EventType type : EventTypes.ALL) {
            for (String topic : Topics.ALL) {
                for (String source : SOURCES) {
                    cases.add(Arguments.of(type.name(), topic, source,
                            topic.equals(type.topic()) && source.equals(type.source())));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1} from {2}: accepted={3}")
    @MethodSource("everyTypeOnEveryTopicFromEverySource")
    void aTypeIsReadOnlyFromItsOwnTopicAndSource(String type, String topic, String source, boolean accepted) {
        ConsumerRecord<String, byte[]> record = consumed(topic, event(type, source));
        if (accepted) {
            assertThat(KafkaCloudEvents.fromRecord(record).type()).isEqualTo(type);
            try (var deserializer = new EventEnvelopeDeserializer()) {
                assertThat(deserializer.deserialize(topic, record.headers(), record.value()).type()).isEqualTo(type);
            }
        } else {
            String reason = !source.equals(EventType.parse(type).orElseThrow().source())
                    ? "is published only by source" : "belongs to topic " + EventTypes.topicOf(type);
            assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(record))
                    .isInstanceOf(MalformedEventException.class).hasMessageContaining(reason).hasMessageContaining(type);
            try (var deserializer = new EventEnvelopeDeserializer()) {
                assertThatThrownBy(() -> deserializer.deserialize(topic, record.headers(), record.value()))
                        .isInstanceOf(MalformedEventException.class).hasMessageContaining(reason);
            }
        }
    }

    static Stream<Arguments> ownedButUncatalogued() {
        return Stream.of(
                // a newer version of a platform service's type: owned by that service all the same
                Arguments.of("minzheng.assistance.application.approved.v2", Topics.ORG_EVENTS, "/minzheng/assistance", false),
                Arguments.of("minzheng.assistance.application.approved.v2", Topics.ASSISTANCE_EVENTS, "/minzheng/org", false),
                Arguments.of("minzheng.assistance.application.approved.v2", Topics.ASSISTANCE_EVENTS, "/minzheng/assistance", true),
                // a service the platform does not know yet: no owner, the audit trail keeps it
                Arguments.of("minzheng.newservice.thing.happened.v1", "newservice.events", "/minzheng/newservice", true),
                Arguments.of("minzheng.newservice.thing.happened.v1", Topics.ORG_EVENTS, "/minzheng/org", true),
                // a topic outside the catalogue is not judged by name; the source still is
                Arguments.of(EventTypes.APPLICATION_APPROVED, "events-test-x", "/minzheng/assistance", true),
                Arguments.of(EventTypes.APPLICATION_APPROVED, "events-test-x", "/minzheng/org", false));
    }

    @ParameterizedTest(name = "{0} on {1} from {2}: accepted={3}")
    @MethodSource("ownedButUncatalogued")
    void ownershipFollowsTheTypesService(String type, String topic, String source, boolean accepted) {
        assertThat(EventTypes.ownershipRefusal(type, topic, source).isEmpty()).isEqualTo(accepted);
    }

    /** A well-formed event of {@code type} under {@code source} (schemas are not the codec's business). */
    static EventEnvelope event(String type, String source) {
        return EventEnvelope.builder(type).id(UUID.randomUUID().toString()).source(source).subject("S-1")
                .actor("someone", "CLERK").regionCode("421303").aggregateVersion(1)
                .data(EventData.of("S-1", "application")).build();
    }

    private static ConsumerRecord<String, byte[]> consumed(String topic, EventEnvelope event) {
        ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toRecord(topic, event);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
