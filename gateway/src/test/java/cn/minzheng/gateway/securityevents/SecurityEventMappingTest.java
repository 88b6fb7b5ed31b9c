package cn.minzheng.gateway.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityEventMappingTest {

    private final SecurityEventMapping mapping =
            new SecurityEventMapping(Clock.fixed(Instant.parse("2026-05-04T03:02:01Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} by {1} ({2}, region {3})")
    @CsvSource(nullValues = "NULL", value = {
            "UNAUTHORIZED, NULL,    '',           NULL,      anonymous, ANONYMOUS, 100000",
            "FORBIDDEN,    c-1,     CITIZEN,      421303,    c-1,       CITIZEN,   421303",
            "FORBIDDEN,    s-1,     CLERK AUDITOR, 4213,     s-1,       CLERK,     100000",
            "RATE_LIMITED, NULL,    '',           NULL,      anonymous, ANONYMOUS, 100000",
            "RATE_LIMITED, c-2,     CITIZEN,      421303001, c-2,       CITIZEN,   421303001",
    })
    void buildsAValidCataloguedEvent(SecurityDenial.Kind kind, String subject, String roles, String region,
                                     String actorId, String actorRole, String regionCode) {
        String clientKey = subject == null ? "ip:127.0.0.1" : "sub:" + subject;
        SecurityDenial denial = new SecurityDenial(kind, clientKey, subject,
                roles.isBlank() ? List.of() : List.of(roles.split(" ")), region, "POST",
                "/api/v1/assistance/applications", "why", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        EventEnvelope event = mapping.toEnvelope(denial);

        assertThat(EventTypes.topicOf(event.type())).isEqualTo(Topics.GATEWAY_SECURITY_EVENTS);
        assertThat(EventSchemaValidator.shared().validate(event)).isEmpty();
        assertThat(event.key()).isEqualTo(clientKey);
        assertThat(event.actorId()).isEqualTo(actorId);
        assertThat(event.actorRole()).isEqualTo(actorRole);
        assertThat(event.regionCode()).isEqualTo(regionCode);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-05-04T03:02:01Z"));
        assertThat(event.data().get("status").asInt()).isEqualTo(kind.status());
        assertThat(event.data().get("clientKey").asString()).isEqualTo(clientKey);
        assertThat(event.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }
}
