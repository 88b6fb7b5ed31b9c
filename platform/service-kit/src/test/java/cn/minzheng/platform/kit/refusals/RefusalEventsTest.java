package cn.minzheng.platform.kit.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.EventTypes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RefusalEventsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource({
            "assistance, minzheng.assistance.security.forbidden.v1, assistance.events, /minzheng/assistance",
            "org,        minzheng.org.security.forbidden.v1,        org.events,        /minzheng/org",
            "audit,      minzheng.audit.security.forbidden.v1,      audit.events,      /minzheng/audit",
    })
    void eachServiceReportsOnItsOwnTopic(String service, String type, String topic, String source) {
        var events = new RefusalEvents(service, CLOCK);

        var envelope = events.toEnvelope(new Refusal(403, "forbidden", "GET", "/x", "u1", List.of("CLERK"), "110105", null));

        assertThat(events.type().name()).isEqualTo(type);
        assertThat(events.type().topic()).isEqualTo(topic);
        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.source()).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource({"nonsense", "'Assistance'", "''"})
    void unknownServicesAreRefusedAtStart(String service) {
        assertThatThrownBy(() -> new RefusalEvents(service, CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new Refusal(403, "forbidden", "GET", "/api/v1/assistance/applications/MZ-1", "clerk-1",
                                List.of("CLERK"), "110105", TRACEPARENT),
                        "sub:clerk-1", "clerk-1", "CLERK", "110105", TRACEPARENT),
                // staff region claims are prefixes; not a full 区划 code -> national
                Arguments.of(new Refusal(403, "forbidden", "POST", "/a", "clerk-2", List.of("APPROVER", "CLERK"), "1101", "garbage"),
                        "sub:clerk-2", "clerk-2", "APPROVER", "100000", null),
                Arguments.of(new Refusal(403, "not-case-owner", "GET", "/b", null, List.of(), null, null),
                        "anonymous", "anonymous", "ANONYMOUS", "100000", null),
                Arguments.of(new Refusal(403, "forbidden", "GET", "/c", "citizen-1", List.of(), "110105", null),
                        "sub:citizen-1", "citizen-1", "ANONYMOUS", "110105", null));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void envelopeNamesTheCallerAndHasTheGatewaysShape(Refusal refusal, String clientKey, String actorId, String actorRole,
                                                      String region, String traceparent) {
        var envelope = new RefusalEvents("assistance", CLOCK).toEnvelope(refusal);

        assertThat(envelope.subject()).isEqualTo(clientKey);
        assertThat(envelope.actorId()).isEqualTo(actorId);
        assertThat(envelope.actorRole()).isEqualTo(actorRole);
        assertThat(envelope.regionCode()).isEqualTo(region);
        assertThat(envelope.traceparent()).isEqualTo(traceparent);
        assertThat(envelope.time()).isEqualTo(CLOCK.instant());
        assertThat(envelope.data().get("reason").asString()).isEqualTo(refusal.code());
        assertThat(envelope.data().get("path").asString()).isEqualTo(refusal.path());
        // same data shape as the gateway's 403 event, so the proposed schema is that one under the service's name
        assertThat(EventSchemaValidator.shared().validate(EventTypes.SECURITY_FORBIDDEN, envelope.data())).isEmpty();
    }

    /** Issue 14 item 7: a refusal on a case is recorded where that case's auditors look, and the caller's. */
    @ParameterizedTest(name = "caller {0}, case {1} -> {2}")
    @CsvSource({
            "420100,    110105,    110105:target-region 420100:caller-region",
            "110105,    110105001, 110105001:target-region",
            "110105001, 110105001, 110105001:target-region",
            "4201,      110105,    110105:target-region",
            "'',        110105,    110105:target-region",
            "420100,    '',        420100:-",
            "'',        '',        100000:-",
    })
    void aRefusalOnACaseIsRecordedUnderTheCasesRegionAndTheCallersWhenThatDoesNotContainIt(
            String caller, String target, String expected) {
        var refusal = new Refusal(403, "forbidden", "POST", "/api/v1/orgs/applications/A-1/approval", "registrar-9",
                List.of("REGISTRAR"), caller.isEmpty() ? null : caller, TRACEPARENT, target.isEmpty() ? null : target);

        var envelopes = new RefusalEvents("org", CLOCK).toEnvelopes(refusal);

        assertThat(envelopes).extracting(e -> e.regionCode() + ":"
                        + (e.data().has("recordedUnder") ? e.data().get("recordedUnder").asString() : "-"))
                .containsExactly(expected.split(" "));
        for (var envelope : envelopes) {
            assertThat(envelope.actorId()).isEqualTo("registrar-9");
            assertThat(EventSchemaValidator.shared().validate(EventTypes.SECURITY_FORBIDDEN, envelope.data())).isEmpty();
            if (!target.isEmpty()) {
                assertThat(envelope.data().get("targetRegion").asString()).isEqualTo(target);
                assertThat(envelope.data().has("callerRegion")).isEqualTo(!caller.isEmpty());
            }
        }
        assertThat(envelopes.stream().map(e -> e.id()).distinct()).hasSameSizeAs(envelopes);
    }

    @Test
    void theGatewaysOwnTypeIsNotTakenByAService() {
        assertThatThrownBy(() -> new RefusalEvents("gateway", CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
