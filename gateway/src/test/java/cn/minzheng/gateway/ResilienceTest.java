package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A service that is down or slow gives a problem naming it, within the time limit; never a hang. */
class ResilienceTest extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    /** Requests the gateway's HTTP client counts as in flight to a service, right now. */
    int clientRequestsActive() {
        return meters.find("http.client.requests.active").longTaskTimers().stream().mapToInt(LongTaskTimer::activeTasks).sum();
    }

    /**
     * A request the time limit cut off, and one whose service was down, are no longer counted as in
     * flight once answered (504/503): the gateway's {@code http_client_requests_active} went up by one
     * for each before (spring-cloud-gateway #3609: the observation is stopped only when a response
     * arrives or an error reaches the exception handler, and neither happens for a request the time
     * limiter cancelled, or for a try the retry filter repeats).
     */
    @Test
    void requestsCutOffOrRefusedAreNotLeftCountedAsInFlight() {
        int before = clientRequestsActive();
        for (int i = 0; i < 3; i++) {
            client().get().uri("/api/v1/orgs/organizations/slow")
                    .headers(h -> h.setBearerAuth(token("registrar-slow-active", "REGISTRAR")))
                    .exchange().expectStatus().isEqualTo(504);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(clientRequestsActive()).as("cut off by the time limit, still counted in flight").isEqualTo(before));
        String auditor = token("auditor-active", "AUDITOR");
        AUDIT.stop();
        try {
            for (int i = 0; i < 3; i++) {
                client().get().uri("/api/v1/audit/records").headers(h -> h.setBearerAuth(auditor))
                        .exchange().expectStatus().isEqualTo(503);
            }
        } finally {
            AUDIT.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(clientRequestsActive()).as("refused by a service that is down, still counted in flight").isEqualTo(before));
    }

    /**
     * The gateway is non-blocking: many calls in flight to a healthy service must all pass. (Spring
     * Cloud CircuitBreaker's default bulkhead would refuse every call beyond 25 with a 503.)
     */
    @Test
    void manyConcurrentCallsToAHealthyServiceAllPass() {
        int calls = 60;
        java.util.List<String> tokens = java.util.stream.IntStream.range(0, calls)
                .mapToObj(i -> token("citizen-concurrent-" + i, "CITIZEN")).toList();
        org.springframework.web.reactive.function.client.WebClient web =
                org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port);
        java.util.List<Integer> statuses = reactor.core.publisher.Flux.fromIterable(tokens)
                .flatMap(token -> web.get().uri("/api/v1/assistance/applications/busy")
                        .headers(h -> h.setBearerAuth(token))
                        .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value())), calls)
                .collectList().block(java.time.Duration.ofSeconds(60));
        org.assertj.core.api.Assertions.assertThat(statuses).hasSize(calls).containsOnly(200);
    }

    @Test
    void slowServiceIs504WithinTheTimeLimit() {
        long started = System.nanoTime();
        byte[] body = client().get().uri("/api/v1/orgs/organizations/slow")
                .headers(h -> h.setBearerAuth(token("registrar-slow", "REGISTRAR")))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode problem = json(body);
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_GATEWAY_TIMEOUT");
        assertThat(problem.get("detail").asString()).contains("org-service").contains("1500 ms");
        // the limit in these tests is 1.5 s; the stand-in would answer after 3 s
        assertThat(took).isLessThan(StandInService.SLOW);
    }

    @Test
    void serviceDownIs503NamingItAndRecoversWhenItReturns() {
        String auditor = token("auditor-outage", "AUDITOR");
        AUDIT.stop();
        try {
            byte[] body = client().get().uri("/api/v1/audit/records")
                    .headers(h -> h.setBearerAuth(auditor))
                    .header("Accept-Language", "en")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists("X-Request-Id")
                    .expectBody().returnResult().getResponseBody();
            JsonNode problem = json(body);
            assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_SERVICE_UNAVAILABLE");
            assertThat(problem.get("detail").asString()).contains("audit-service");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/audit/records");
        } finally {
            AUDIT.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client().get().uri("/api/v1/audit/records")
                        .headers(h -> h.setBearerAuth(auditor))
                        .exchange()
                        .expectStatus().isOk());
    }

    /**
     * A write to a service that is down is refused at connect, so it may be tried again, but with the
     * only instance down it is still a 503; once the service is back the write arrives exactly once.
     * (Writes the service received are never repeated: {@link InstanceFailoverTest}.)
     */
    @Test
    void aWriteToAStoppedServiceIs503AndArrivesOnceWhenItIsBack() {
        String clerk = token("clerk-retry", "CLERK");
        ASSISTANCE.stop();
        try {
            client().post().uri("/api/v1/assistance/applications")
                    .headers(h -> h.setBearerAuth(clerk)).bodyValue("{}")
                    .exchange().expectStatus().isEqualTo(503);
        } finally {
            ASSISTANCE.start();
        }
        int before = ASSISTANCE.requests();
        client().post().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(clerk)).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(ASSISTANCE.requests() - before).isEqualTo(1);
    }
}
