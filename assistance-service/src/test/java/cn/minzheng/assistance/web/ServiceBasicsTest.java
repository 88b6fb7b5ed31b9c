package cn.minzheng.assistance.web;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServiceBasicsTest extends ServiceTestBase {

    @Test
    void healthAndTheOpenApiDocumentAreServedWithoutAToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/assistance/applications']").exists()
                .jsonPath("$.paths['/api/v1/assistance/applications/{number}/decision']").exists();
    }

    @Test
    void aHouseholdRelatedToStaffIsRegisteredSeparately() {
        Map<String, Object> body = Requests.with(Requests.dibao(190, "800.00"), "staffRelation", "李四之兄为村委会委员");
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("citizen-coi", "CITIZEN", "421303001"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String number = (String) created.get("number");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(number);
            assertThat(events).extracting(EventEnvelope::type).containsExactly(
                    "minzheng.assistance.application.submitted.v1",
                    "minzheng.assistance.application.conflict-registered.v1");
            events.forEach(e -> assertThat(EventSchemaValidator.shared().validate(e)).as(e.type()).isEmpty());
        });
    }
}
