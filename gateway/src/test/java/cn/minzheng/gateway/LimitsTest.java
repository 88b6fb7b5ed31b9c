package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.databind.JsonNode;

/** Body size and rate limits (the tests run with a 1 KB body limit and a 30-request bucket). */
class LimitsTest extends GatewayTestSupport {

    @Test
    void bodyOverTheLimitIs413Problem() {
        int before = ASSISTANCE.requests();
        byte[] body = client().post().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token("citizen-big", "CITIZEN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"x\":\"" + "a".repeat(2048) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("code").asString()).isEqualTo("GATEWAY_PAYLOAD_TOO_LARGE");
        assertThat(ASSISTANCE.requests()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverTheLimitIs413Too() {
        Flux<DataBuffer> chunks = Flux.range(0, 8)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[512]));
        client().post().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token("citizen-chunked", "CITIZEN")))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)

                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pathTheFirewallRefusesIsA400ProblemThatNeverReachesTheService() throws Exception {
        int before = ASSISTANCE.requests();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/assistance/applications/a%2F..%2Fb"))
                        .header("Authorization", "Bearer " + token("citizen-firewall", "CITIZEN"))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_BAD_REQUEST");
        assertThat(problem.get("detail").asString()).contains("不允许的字符");
        assertThat(ASSISTANCE.requests()).isEqualTo(before);
    }

    @Test
    void bodyWithinTheLimitPasses() {
        EntityExchangeResult<byte[]> result = client().post().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token("citizen-small", "CITIZEN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"x\":\"" + "a".repeat(900) + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        assertThat(json(result.getResponseBody()).get("bodySize").asInt()).isGreaterThan(900);
    }

    @Test
    void floodingClientGets429WithRetryAfterWhileOthersPass() {
        String flooder = token("flooder", "CITIZEN");
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = client().get().uri("/api/v1/assistance/applications")
                    .headers(h -> h.setBearerAuth(flooder))
                    .exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }
        assertThat(refused).as("a 429 within 200 requests").isNotNull();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isPositive();
        JsonNode problem = json(refused.getResponseBody());
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_RATE_LIMITED");
        assertThat(problem.get("status").asInt()).isEqualTo(429);

        // the limit is per client: someone else is not affected
        client().get().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token("patient-citizen", "CITIZEN")))
                .exchange().expectStatus().isOk();
    }
}
