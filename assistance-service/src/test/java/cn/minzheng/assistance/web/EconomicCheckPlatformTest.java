package cn.minzheng.assistance.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The 核对 platform adapter: answers are recorded; slowness, errors and an open breaker mean "pending". */
class EconomicCheckPlatformTest extends ServiceTestBase {
    static final String CLERK = token("clerk-check", "CLERK", "421303001");

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String path, String token, String ifMatch) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void platformAnswersAreRecordedAndFailuresDegradeToPendingUntilTheBreakerOpens() {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("citizen-check", "CITIZEN", "421303001"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Requests.dibao(150, "800.00")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String base = "/api/v1/assistance/applications/" + created.get("number");
        Map<String, Object> c = call(base + "/acceptance", CLERK, "\"1\"");

        FakeCheckPlatform.MODE.set(FakeCheckPlatform.Mode.OK);
        c = call(base + "/economic-checks/platform-request", CLERK, "\"" + c.get("version") + "\"");
        assertThat(check(c)).containsEntry("status", "COMPLETED").containsEntry("source", "PLATFORM");

        FakeCheckPlatform.MODE.set(FakeCheckPlatform.Mode.SLOW);
        long started = System.nanoTime();
        c = call(base + "/economic-checks/platform-request", CLERK, "\"" + c.get("version") + "\"");
        assertThat(check(c)).containsEntry("status", "PENDING");
        assertThat((System.nanoTime() - started) / 1_000_000).as("time limit, not the platform's 2 s").isLessThan(1_900);
        assertThat(c.get("status")).isEqualTo("INVESTIGATING");

        FakeCheckPlatform.MODE.set(FakeCheckPlatform.Mode.ERROR);
        for (int i = 0; i < 3; i++) {
            c = call(base + "/economic-checks/platform-request", CLERK, "\"" + c.get("version") + "\"");
            assertThat(check(c)).containsEntry("status", "PENDING");
        }
        // the breaker is open now: even a healthy platform is not called until it half-opens
        FakeCheckPlatform.MODE.set(FakeCheckPlatform.Mode.OK);
        int calls = FakeCheckPlatform.CALLS.get();
        c = call(base + "/economic-checks/platform-request", CLERK, "\"" + c.get("version") + "\"");
        assertThat(check(c)).containsEntry("status", "PENDING");
        assertThat(FakeCheckPlatform.CALLS.get()).isEqualTo(calls);

        // manual entry always works
        @SuppressWarnings("unchecked")
        Map<String, Object> manual = http.post().uri(base + "/economic-checks")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).header(HttpHeaders.IF_MATCH, "\"" + c.get("version") + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("summary", "人工录入: 无异常", "incomeConfirmed", true))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(check(manual)).containsEntry("status", "COMPLETED").containsEntry("source", "MANUAL");
        String number = (String) created.get("number");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(number);
            assertThat(events).extracting(EventEnvelope::type).contains(
                    "minzheng.assistance.application.economic-check-recorded.v1",
                    "minzheng.assistance.application.economic-check-pending.v1");
            events.forEach(e -> assertThat(EventSchemaValidator.shared().validate(e)).as(e.type()).isEmpty());
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> check(Map<String, Object> view) {
        return (Map<String, Object>) view.get("economicCheck");
    }
}
