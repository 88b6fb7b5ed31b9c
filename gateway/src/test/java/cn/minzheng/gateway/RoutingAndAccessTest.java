package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Routes, tokens and roles, through real HTTP. */
class RoutingAndAccessTest extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} {1} as {2} -> {3} at {4}")
    @CsvSource({
            "GET,  /api/v1/assistance/applications/DB-1, CITIZEN,        assistance-service",
            "POST, /api/v1/assistance/applications,      CLERK,          assistance-service",
            "GET,  /api/v1/orgs/organizations/1,         REGISTRAR,      org-service",
            "GET,  /api/v1/orgs/organizations/1,         LEGAL_REVIEWER, org-service",
            "GET,  /api/v1/audit/records?chain=0,        AUDITOR,        audit-service",
            "GET,  /api/v1/audit/records,                ADMIN,          audit-service",
    })
    void routesAdmittedRolesToTheirServiceWithThePathUnchanged(String method, String path, String role, String service) {
        EntityExchangeResult<byte[]> result = client().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(token("user-" + role, role)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody().returnResult();
        JsonNode echo = json(result.getResponseBody());
        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("path").asString()).isEqualTo(path);
        assertThat(echo.get("method").asString()).isEqualTo(method);
        // the token goes through unchanged: services check it themselves
        assertThat(headersSeenBy(result.getResponseBody()).get("Authorization")).startsWith("Bearer ey");
    }

    @ParameterizedTest(name = "public GET {0} needs no token")
    @CsvSource({"/api/v1/assistance/public/publicity", "/api/v1/orgs/public/organizations?q=慈善",
            "/api/v1/audit/public/key"})
    void publicReadsPassWithoutToken(String path) {
        client().get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void writesToPublicPathsStillNeedAToken() {
        client().post().uri("/api/v1/assistance/public/publicity").bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noTokenIs401ProblemInChineseByDefault() {
        byte[] body = client().get().uri("/api/v1/assistance/applications")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = json(body);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_UNAUTHORIZED");
        assertThat(problem.get("title").asString()).isEqualTo("未认证");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/assistance/applications");
        assertThat(problem.get("type").asString()).startsWith("https://");
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void problemsSpeakEnglishWhenAsked() {
        byte[] body = client().get().uri("/api/v1/orgs/organizations")
                .header("Accept-Language", "en-US,en;q=0.9")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("title").asString()).isEqualTo("Unauthenticated");
    }

    @ParameterizedTest(name = "{0} token is 401")
    @CsvSource({"expired", "foreign-key", "garbage", "no-audience", "other-audience"})
    void badTokensAre401(String kind) {
        var issuer = EmbeddedInfra.shared().tokenIssuer();
        String token = switch (kind) {
            case "expired" -> issuer.mintExpired("c1", "张三", List.of("CITIZEN"), "421303");
            case "foreign-key" -> issuer.mintWithForeignKey("c1", "张三", List.of("CITIZEN"), "421303");
            // issue 14 item 7: a token of the same issuer for another application, or for none
            case "no-audience" -> issuer.mintForAudience("c1", "张三", List.of("CITIZEN"), "421303", List.of());
            case "other-audience" -> issuer.mintForAudience("c1", "张三", List.of("CITIZEN"), "421303", List.of("account"));
            default -> "not.a.jwt";
        };
        int before = ASSISTANCE.requests();
        byte[] body = client().get().uri("/api/v1/assistance/applications")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("code").asString()).isEqualTo("GATEWAY_UNAUTHORIZED");
        assertThat(ASSISTANCE.requests()).isEqualTo(before);
    }

    @Test
    void aTokenForThePlatformAudienceAmongOthersPasses() {
        String token = EmbeddedInfra.shared().tokenIssuer().mintForAudience("aud-ok", "张三", List.of("CITIZEN"), "421303",
                List.of("account", "minzheng-platform"));
        int before = ASSISTANCE.requests();
        client().get().uri("/api/v1/assistance/applications").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertThat(ASSISTANCE.requests()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{1} may not use {0}")
    @CsvSource({"/api/v1/audit/records, CITIZEN", "/api/v1/audit/records, CLERK",
            "/api/v1/orgs/organizations, CITIZEN", "/api/v1/assistance/applications, ORG_AGENT",
            "/api/v1/assistance/applications, REGISTRAR"})
    void wrongRoleIs403Problem(String path, String role) {
        int before = AUDIT.requests() + ORG.requests() + ASSISTANCE.requests();
        byte[] body = client().get().uri(path)
                .headers(h -> h.setBearerAuth(token("wrong-" + role, role)))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = json(body);
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_FORBIDDEN");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(AUDIT.requests() + ORG.requests() + ASSISTANCE.requests()).isEqualTo(before);
    }

    @Test
    void unknownPathIs404Problem() {
        client().get().uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id");
    }

    @ParameterizedTest(name = "OpenAPI document of {0}")
    @CsvSource({"assistance-service", "org-service", "audit-service"})
    void apiDocsAreRoutedToEachServiceWithoutToken(String service) {
        byte[] body = client().get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(json(body).get("service").asString()).isEqualTo(service);
        assertThat(json(body).get("path").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void swaggerUiIsServedAtTheGatewayListingEveryService() {
        client().get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
        String config = client().get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(config).contains("/v3/api-docs/assistance-service", "/v3/api-docs/org-service", "/v3/api-docs/audit-service");
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAnswered() {
        client().options().uri("/api/v1/assistance/applications")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
        client().options().uri("/api/v1/assistance/applications")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void healthAndPrometheusAreServed() {
        client().get().uri("/api/v1/orgs/public/organizations").exchange().expectStatus().isOk();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        String metrics = client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_bucket").contains("routeId=\"orgs-public\"");
        // the per-service breaker's state, for the CircuitBreakerOpen alert and the platform-health dashboard
        assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*state=\"closed\"[^}]*} 1\\.0");
    }
}
