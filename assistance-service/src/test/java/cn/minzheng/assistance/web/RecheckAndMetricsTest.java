package cn.minzheng.assistance.web;

import cn.minzheng.assistance.recheck.RecheckScheduler;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RecheckAndMetricsTest extends ServiceTestBase {
    static final String CLERK = token("clerk-re", "CLERK", "421303001");
    static final String APPROVER = token("approver-re", "APPROVER", "421303");

    @Autowired
    RecheckScheduler rechecks;

    @Test
    void aDueReCheckIsStartedByTheServiceAndCompletionMetricsArePublished() {
        String number = activeCase(170, "citizen-re", CLERK, APPROVER);
        assertThat(rechecks.startDueRechecks().block(Duration.ofSeconds(10))).isZero();
        CLOCK.advance(Duration.ofDays(400));
        assertThat(rechecks.startDueRechecks().block(Duration.ofSeconds(10))).isPositive();
        http.get().uri("/api/v1/assistance/applications/" + number).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .exchange().expectBody().jsonPath("$.status").isEqualTo("RECHECKING")
                .jsonPath("$.history[-1:].actorRole").isEqualTo("SYSTEM");
        assertThat(rechecks.startDueRechecks().block(Duration.ofSeconds(10))).as("not twice").isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> due = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.subject().equals(number) && e.type().endsWith(".recheck-due.v1")).toList();
            // at-least-once delivery: a record may repeat, but it is one event (one id)
            assertThat(due).extracting(EventEnvelope::id).containsOnly(due.get(0).id());
            assertThat(EventSchemaValidator.shared().validate(due.get(0))).isEmpty();
            assertThat(due.get(0).actorRole()).isEqualTo("SYSTEM");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(s -> assertThat(s)
                        .containsPattern("assistance_cases_on_time_ratio [01]\\.\\d")
                        .containsPattern("assistance_cases_decision_working_days_mean [0-9]+\\.\\d")));
    }

    @Test
    void theEconomicCheckBreakerStateIsAMeterForTheBreakerOpenAlert() {
        http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).value(s -> assertThat(s)
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"economic-check\"[^}]*state=\"closed\"[^}]*} 1\\.0")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"economic-check\"[^}]*state=\"open\"[^}]*} 0\\.0")
                .contains("resilience4j_bulkhead_available_concurrent_calls{"));
    }

    @Test
    void concurrentSubmissionsGetDistinctNumbers() {
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(i -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = http.post().uri("/api/v1/assistance/applications")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("citizen-par" + i, "CITIZEN", "421303001"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Requests.dibao(180 + i, "800.00")).exchange()
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            numbers.add((String) r.get("number"));
        });
        assertThat(numbers).hasSize(8).allMatch(n -> n.matches("421303001001-\\d{8}-\\d{4}"));
    }
}
