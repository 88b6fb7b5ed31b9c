package cn.minzheng.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.node.ObjectNode;

class EventEnvelopeTest {

    @Test
    void builderFillsIdTimeSourceAndCommonData() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"), ZoneOffset.UTC);

        EventEnvelope event = EventEnvelope.builder(EventTypes.ORGANIZATION_REGISTRATION_APPROVED, clock)
                .subject("ORG-420000-2026-0001")
                .actor("registrar-7", "REGISTRAR")
                .regionCode("420000")
                .aggregateVersion(3)
                .data(EventData.of("ORG-420000-2026-0001", "organization")
                        .transition("ACCEPTED", "REGISTERED")
                        .put("creditCode", "53100000MJ0065049E"))
                .build();

        assertThat(event.id()).hasSize(36);
        assertThat(event.time()).isEqualTo(clock.instant());
        assertThat(event.source()).isEqualTo("/minzheng/org");
        assertThat(event.traceparent()).isNull();
        assertThat(event.key()).isEqualTo("ORG-420000-2026-0001");
        assertThat(event.data().get("fromStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(event.data().get("reason").isNull()).isTrue();
        assertThat(event.data().get("changes").isObject()).isTrue();
        assertThat(event.data().get("creditCode").asString()).isEqualTo("53100000MJ0065049E");
        assertThat(EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject("s").systemActor()
                .regionCode("421303").data(EventData.of("a", "application")).build().id())
                .isNotEqualTo(EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject("s").systemActor()
                        .regionCode("421303").data(EventData.of("a", "application")).build().id());
    }

    @Test
    void dataCannotBeChangedFromOutside() {
        ObjectNode data = EventData.of("A-1", "application").toJson();
        EventEnvelope event = SampleEvents.approved().toBuilder().data(data).build();

        data.put("aggregateId", "tampered");
        ((ObjectNode) event.data()).put("aggregateId", "tampered too");

        assertThat(event.data().get("aggregateId").asString()).isEqualTo("A-1");
    }

    @Test
    void keyFallsBackToSubjectWithoutAggregateId() {
        EventEnvelope event = SampleEvents.approved().toBuilder()
                .data(EventJson.MAPPER.createObjectNode().put("other", 1)).build();

        assertThat(event.key()).isEqualTo(event.subject());
    }

    @Test
    void commonFieldsCannotBeOverwrittenAsExtraFields() {
        assertThatThrownBy(() -> EventData.of("A-1", "application").put("toStatus", "X"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> invalidEnvelopes() {
        return Stream.of(
                invalid("id not a UUID", b -> b.id("42")),
                invalid("no id", b -> b.id(null)),
                invalid("foreign source", b -> b.source("/other/x")),
                invalid("no subject", b -> b.subject(null)),
                invalid("blank subject", b -> b.subject(" ")),
                invalid("no time", b -> b.time(null)),
                invalid("no actor", b -> b.actor(null, "CLERK")),
                invalid("no role", b -> b.actor("u1", "")),
                invalid("no region", b -> b.regionCode(null)),
                invalid("negative version", b -> b.aggregateVersion(-5)),
                invalid("bad traceparent", b -> b.traceparent("00-xyz")),
                invalid("no data", b -> b.data((tools.jackson.databind.JsonNode) null)),
                invalid("array data", b -> b.data(EventJson.MAPPER.createArrayNode())));
    }

    private static Arguments invalid(String name, UnaryOperator<EventEnvelope.Builder> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void constructorRejectsAnEnvelopeWithoutItsRequiredShape(String name, UnaryOperator<EventEnvelope.Builder> change) {
        EventEnvelope.Builder builder = change.apply(SampleEvents.approved().toBuilder());

        assertThatThrownBy(builder::build).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    }

    @Test
    void unknownTypeNeedsAnExplicitSource() {
        assertThatThrownBy(() -> EventEnvelope.builder("com.example.x").subject("s").systemActor()
                .regionCode("421303").data(EventData.of("a", "b")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
