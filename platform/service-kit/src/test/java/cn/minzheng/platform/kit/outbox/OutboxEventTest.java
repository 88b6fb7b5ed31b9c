package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.KafkaCloudEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The stored form of a pending event gives back the very envelope that was written. */
class OutboxEventTest {

    @Property
    void envelopeSurvivesTheDocumentRoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String field,
                                              @ForAll String text, @ForAll long fen, @ForAll boolean flag) {
        EventEnvelope original = EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED)
                .subject("MZ-1").actor("u", "CITIZEN").regionCode("110105").aggregateVersion(7)
                .time(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .data(EventData.of("MZ-1", "application").transition("A", "B").reason(text)
                        .changes(Map.of(field, fen, "flag", flag)))
                .build();

        EventEnvelope back = OutboxEvent.fromDocument(OutboxEvent.of(original).toDocument()).toEnvelope();

        // numbers may come back as another JsonNode subtype (int vs long): compare what goes on the wire
        assertThat(KafkaCloudEvents.value(back)).isEqualTo(KafkaCloudEvents.value(original));
        assertThat(back.toBuilder().data(original.data()).build()).isEqualTo(original);
    }

    @Test
    void storedShapeHasTheDocumentedFields() {
        EventEnvelope e = EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject("MZ-2").actor("u", "CLERK")
                .regionCode("110105").aggregateVersion(1).data(EventData.of("MZ-2", "application")).build();
        assertThat(OutboxEvent.of(e).toDocument().keySet()).containsExactly("id", "type", "source", "subject", "time",
                "actorId", "actorRole", "regionCode", "aggregateVersion", "traceparent", "data");
        assertThat(OutboxEvent.of(e).toDocument().get("aggregateVersion")).isInstanceOf(Long.class);
    }
}
