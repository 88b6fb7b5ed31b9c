package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What a service receives: no spoofed identity, and the trace it belongs to. */
class HeadersAndTracingTest extends GatewayTestSupport {

    @Test
    void spoofedIdentityAndForwardingHeadersNeverReachTheService() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token("citizen-spoof", "CITIZEN")))
                .header("X-User-Id", "admin")
                .header("X-User-Name", "root")
                .header("X-Roles", "ADMIN")
                .header("X-Region", "110000")
                .header("X-Real-IP", "10.1.2.3")
                .header("X-Forwarded-For", "10.9.9.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.9.9.9;proto=https")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        Map<String, String> seen = headersSeenBy(result.getResponseBody());
        assertThat(seen).doesNotContainKeys("X-User-Id", "X-User-Name", "X-Roles", "X-Region", "X-Real-IP", "Forwarded",
                "X-Forwarded-Host");
        // whatever forwarding header reaches the service was written by the gateway, not the client
        assertThat(seen.getOrDefault("X-Forwarded-For", "")).doesNotContain("10.9.9.9");
        // harmless headers pass
        assertThat(seen).containsEntry("Accept-Language", "en");
    }

    @Test
    void traceparentReachesTheServiceAndItsTraceIdComesBackAsRequestId() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/v1/orgs/public/organizations")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        String traceparent = headersSeenBy(result.getResponseBody()).get("traceparent");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(traceparent.split("-")[1]).isEqualTo(requestId);
    }

    @Test
    void aClientTraceIsContinued() {
        String clientTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EntityExchangeResult<byte[]> result = client().get().uri("/api/v1/audit/public/key")
                .header("traceparent", "00-" + clientTraceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(clientTraceId);
        String forwarded = headersSeenBy(result.getResponseBody()).get("traceparent");
        assertThat(forwarded).startsWith("00-" + clientTraceId + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void everyAnswerCarriesARequestIdEvenErrors() {
        assertThat(client().get().uri("/nowhere").exchange().expectStatus().isNotFound()
                .returnResult(byte[].class).getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
        assertThat(client().get().uri("/api/v1/audit/records").exchange().expectStatus().isUnauthorized()
                .returnResult(byte[].class).getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
    }
}
