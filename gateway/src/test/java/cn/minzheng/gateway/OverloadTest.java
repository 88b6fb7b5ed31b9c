package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Overload is served, not collapsed (issue 20 item 4): beyond a service's requests in flight the gateway
 * refuses at once with 503, Retry-After and a Chinese problem saying when to retry, the requests in
 * flight are still answered, and neither the refusals nor calls cut off by the time limit open the
 * service's breaker. Also: the problem types follow {@code minzheng.problems.type-base} (issue 15 item 2).
 * Real HTTP, a gateway of its own (org-service admits 2 requests in flight here).
 */
@TestPropertySource(properties = {
        "minzheng.gateway.concurrency-limit.per-service.org-service=2",
        "minzheng.gateway.concurrency-limit.retry-after=2s",
        "minzheng.problems.type-base=https://problems.operator.test/minzheng",
})
class OverloadTest extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    double inFlight(String service) {
        Gauge gauge = meters.find("gateway.concurrency.in.flight").tag("service", service).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    CompletableFuture<Integer> slowCall(String token) {
        return WebClient.create("http://127.0.0.1:" + port).get().uri("/api/v1/orgs/organizations/slow")
                .headers(h -> h.setBearerAuth(token))
                .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value()))
                .toFuture();
    }

    @Test
    void beyondTheLimitA503WithRetryAfterComesAtOnceWhileTheRequestsInFlightAreStillAnswered() {
        String registrar = token("registrar-overload", "REGISTRAR");
        int before = ORG.requests();
        List<CompletableFuture<Integer>> held = List.of(slowCall(registrar), slowCall(registrar));
        // both held calls reached the service and hold their places
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> inFlight("org-service") == 2 && ORG.requests() == before + 2);

        EntityExchangeResult<byte[]> refused = client().get().uri("/api/v1/orgs/organizations/anything")
                .headers(h -> h.setBearerAuth(registrar))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "2")
                .expectHeader().exists("X-Request-Id")
                .expectBody().returnResult();

        // refused while both held calls were still waiting for the service: nothing queued behind them
        assertThat(held).noneMatch(CompletableFuture::isDone);
        assertThat(ORG.requests()).isEqualTo(before + 2);
        JsonNode problem = json(refused.getResponseBody());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_SERVICE_UNAVAILABLE");
        assertThat(problem.get("detail").asString()).contains("org-service").contains("请求过多").contains("2 秒后重试");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/orgs/organizations/anything");

        // the held calls end (504 after the 1.5 s time limit) and free their places
        assertThat(held.stream().map(CompletableFuture::join).toList()).containsOnly(504);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> inFlight("org-service") == 0);
        client().get().uri("/api/v1/orgs/organizations/after-overload").headers(h -> h.setBearerAuth(registrar))
                .exchange().expectStatus().isOk();
        // other services have their own limits
        client().get().uri("/api/v1/audit/records").headers(h -> h.setBearerAuth(token("auditor-overload", "AUDITOR")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theRefusalSpeaksEnglishWhenAsked() {
        String registrar = token("registrar-overload-en", "REGISTRAR");
        List<CompletableFuture<Integer>> held = List.of(slowCall(registrar), slowCall(registrar));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> inFlight("org-service") == 2);
        byte[] body = client().get().uri("/api/v1/orgs/organizations/x").headers(h -> h.setBearerAuth(registrar))
                .header("Accept-Language", "en")
                .exchange().expectStatus().isEqualTo(503).expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("detail").asString()).contains("org-service").contains("retry after 2 s");
        held.forEach(CompletableFuture::join);
    }

    /**
     * Twelve calls cut off by the time limit (more than the breaker's 10-call minimum, all failing) do
     * not open the breaker: the next call passes. Before, the timeouts of a busy service opened it.
     */
    @Test
    void callsCutOffByTheTimeLimitDoNotOpenTheBreaker() {
        String auditor = token("auditor-timeouts", "AUDITOR");
        List<Integer> statuses = Flux.fromIterable(IntStream.range(0, 12).boxed().toList())
                .flatMap(i -> WebClient.create("http://127.0.0.1:" + port).get().uri("/api/v1/audit/records/slow")
                        .headers(h -> h.setBearerAuth(auditor))
                        .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value())), 12)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).hasSize(12).containsOnly(504);
        client().get().uri("/api/v1/audit/records").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectStatus().isOk();
    }

    @Test
    void problemTypesLiveUnderTheConfiguredBase() {
        byte[] body = client().get().uri("/nowhere-overload").exchange().expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("type").asString()).isEqualTo("https://problems.operator.test/minzheng/gateway/not-found");
    }
}
