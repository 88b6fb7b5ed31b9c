package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The web console behind the gateway (the console contract): its pages need no token — the console
 * keeps the user's tokens in its own session — so cookie-only requests pass, cookies both ways are
 * untouched, and the console sees the browser's Host (the gateway's host and port) for its login redirects
 * (behind a TLS proxy, also what the proxy forwarded: {@link ConsoleBehindTlsProxyTest}).
 */
class ConsoleRouteTest extends GatewayTestSupport {

    @Test
    void theHomePageRedirectsToTheConsole() {
        client().get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/");
        assertThat(CONSOLE).isNotNull();
    }

    @Test
    void aCookieOnlyPageRequestReachesTheConsoleWithItsCookieAndTheGatewaysHost() {
        EntityExchangeResult<byte[]> result = client().get().uri("/console/cases?status=SUBMITTED")
                .cookie("SESSION", "browser-session-7")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        Map<String, String> seen = headersSeenBy(result.getResponseBody());
        assertThat(json(result.getResponseBody()).get("path").asString()).isEqualTo("/console/cases?status=SUBMITTED");
        // (the echo's header names are as they travelled: lower case from the gateway's HTTP client)
        assertThat(lowerCaseKeys(seen)).containsEntry("cookie", "SESSION=browser-session-7")
                // the console builds its redirect URIs on the address the browser used: the gateway's
                .containsEntry("host", "127.0.0.1:" + port)
                .doesNotContainKeys("authorization", "x-forwarded-host", "x-forwarded-proto");
        // the console's cookies come back as it wrote them
        List<String> setCookies = result.getResponseHeaders().get("Set-Cookie");
        assertThat(setCookies).containsExactlyInAnyOrder(ConsoleStandIn.SESSION_COOKIE, ConsoleStandIn.CSRF_COOKIE);
    }

    @Test
    void theBareConsolePathIsTheConsolesToo() {
        EntityExchangeResult<byte[]> result = client().get().uri("/console").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(json(result.getResponseBody()).get("service").asString()).isEqualTo("console");
    }

    @Test
    void aFormPostWithoutATokenReachesTheConsole() {
        EntityExchangeResult<byte[]> result = client().post().uri("/console/citizen/applications")
                .cookie("SESSION", "browser-session-8")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=csrf-1&program=DIBAO_URBAN")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        assertThat(json(result.getResponseBody()).get("method").asString()).isEqualTo("POST");
        assertThat(json(result.getResponseBody()).get("bodySize").asInt()).isEqualTo("_csrf=csrf-1&program=DIBAO_URBAN".length());
    }

    @Test
    void theConsolesLoginRedirectPassesUnchanged() {
        client().get().uri("/console/oauth2/authorization/minzheng").exchange()
                .expectStatus().isFound()
                .expectHeader().location(ConsoleStandIn.LOGIN_REDIRECT);
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new java.util.TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    /**
     * An address that sent bad tokens until the invalid-token limit answers 429 is still served its console
     * pages: a browser's cookie-only requests carry no token, so that limit never counts or refuses them.
     */
    @Test
    void theInvalidTokenLimitNeverRefusesCookieOnlyConsoleRequests() {
        String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        int status = 0;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = client().get().uri("/console/")
                    .header("X-Forwarded-For", address)
                    .header("Authorization", "Bearer not-a-token-" + i)
                    .exchange().returnResult(byte[].class).getStatus().value();
        }
        assertThat(status).as("bad tokens from " + address + " end in 429").isEqualTo(429);

        client().get().uri("/console/")
                .header("X-Forwarded-For", address)
                .cookie("SESSION", "browser-session-9")
                .exchange()
                .expectStatus().isOk();
    }
}
