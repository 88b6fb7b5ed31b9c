package cn.minzheng.platform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The kit's filter chain with real RS256 tokens from the embedded issuer. */
class ResourceServerWebTest extends WebAppTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Test
    void noTokenIs401Problem() {
        var result = client().get().uri("/api/me").header("Accept-Language", "en").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getResponseBody()).containsEntry("code", "unauthenticated")
                .containsEntry("title", "Unauthenticated").containsEntry("status", 401)
                .containsEntry("instance", "/api/me");
        assertThat(result.getResponseBody().get("traceId")).isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        String forged = TestInfra.issuer().mintWithForeignKey("u1", "张三", List.of("ADMIN"), "11");
        var result = client().get().uri("/api/me").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getResponseBody()).containsEntry("code", "invalid-token").containsEntry("title", "访问令牌无效");
        assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
    }

    /** Issue 14 item 7: a token the issuer made for another audience, or for none, is not for this platform. */
    @ParameterizedTest(name = "aud {0} → {1}")
    @CsvSource({"'', 401", "other-app, 401", "account minzheng-platform-x, 401", "minzheng-platform, 200",
            "account minzheng-platform, 200"})
    void theTokenMustNameThePlatformAudience(String audience, int status) {
        List<String> aud = audience.isEmpty() ? List.of() : List.of(audience.split(" "));
        String token = TestInfra.issuer().mintForAudience("aud-" + aud.size(), "张三", List.of("CITIZEN"), "110105", aud);
        var result = client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(status).expectBody(JSON_OBJECT).returnResult();
        if (status == 401) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseBody()).containsEntry("code", "invalid-token");
            assertThat((String) result.getResponseBody().get("detail")).contains("不是签发给本平台的").contains("重新登录");
        }
    }

    @Test
    void expiredTokenIs401() {
        String expired = TestInfra.issuer().mintExpired("u1", "张三", List.of("CITIZEN"), "110105");
        client().get().uri("/api/me").headers(h -> h.setBearerAuth(expired)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-token");
    }

    @Test
    void garbageTokenIs401() {
        client().get().uri("/api/me").headers(h -> h.setBearerAuth("not.a.jwt")).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("invalid-token");
    }

    @Test
    void validTokenYieldsThePrincipal() {
        String token = TestInfra.issuer().mint("citizen-7", "张三", List.of("CITIZEN", "SOMETHING_ELSE"), "110105");
        client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("citizen-7")
                .jsonPath("$.displayName").isEqualTo("张三")
                .jsonPath("$.roles").isEqualTo(List.of("CITIZEN"))
                .jsonPath("$.region").isEqualTo("110105");
    }

    @Test
    void wrongRoleIs403Problem() {
        String token = TestInfra.issuer().mint("citizen-7", "张三", List.of("CITIZEN"), "110105");
        var result = client().get().uri("/api/clerk/cases/110105/citizen-7").headers(h -> h.setBearerAuth(token))
                .header("Accept-Language", "en").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getResponseBody()).containsEntry("code", "forbidden").containsEntry("title", "Forbidden");
    }

    @Test
    void rightRoleInRegionIs200AndOutsideRegionIs403() {
        String clerk = TestInfra.issuer().mint("clerk-1", "李四", List.of("CLERK"), "1101");
        client().get().uri("/api/clerk/cases/110105/citizen-7").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.region").isEqualTo("110105");
        client().get().uri("/api/clerk/cases/310101/citizen-7").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void roleNamesAreReadCaseInsensitively() {
        String clerk = TestInfra.issuer().mint("clerk-2", "李四", List.of("clerk"), "1101");
        client().get().uri("/api/clerk/cases/110105/citizen-7").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void actuatorHealthAndPrometheusArePublic() {
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_"));
    }

    @Test
    void otherActuatorEndpointsNeedAToken() {
        client().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void noSessionCookieIsIssued() {
        String token = TestInfra.issuer().mint("citizen-7", "张三", List.of("CITIZEN"), "110105");
        client().get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("Set-Cookie");
    }
}
