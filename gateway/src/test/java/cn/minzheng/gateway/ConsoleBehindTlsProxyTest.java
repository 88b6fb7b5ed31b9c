package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The console behind the county's TLS reverse proxy (docs/operations.md, "The web console"): from a peer in
 * {@code minzheng.gateway.client-address.trusted-proxies} ({@code GATEWAY_TRUSTED_PROXIES}, the same setting that
 * makes its X-Forwarded-For believed; 127.0.0.1 in these tests) the scheme, host and port the browser used reach
 * the console in X-Forwarded-Proto/Host/Port, so it builds its login redirect URI on {@code https://<public host>}
 * — the one the Keycloak client allows. From any other peer, and towards the API routes, they never arrive.
 * Real HTTP.
 */
class ConsoleBehindTlsProxyTest extends GatewayTestSupport {

    @Test
    void fromTheTrustedProxyTheSchemeHostAndPortTheBrowserUsedReachTheConsole() {
        Map<String, String> seen = seenBy(client(), "/console/citizen/cases", "https", "minzheng.example.gov.cn, 10.0.0.5", "443");

        // what Spring's forwarded-header handling (the console's server.forward-headers-strategy: framework) reads
        assertThat(seen).containsEntry("x-forwarded-proto", "https")
                .containsEntry("x-forwarded-host", "minzheng.example.gov.cn")
                .containsEntry("x-forwarded-port", "443")
                .containsEntry("cookie", "SESSION=browser-session-tls");
    }

    @Test
    void aForwardedValueOfAnUnexpectedFormIsNotPassedOn() {
        Map<String, String> seen = seenBy(client(), "/console/", "javascript", "evil.example/path?x=1", "http");

        assertThat(seen).doesNotContainKeys("x-forwarded-proto", "x-forwarded-host", "x-forwarded-port");
    }

    @Test
    void fromAPeerThatIsNoTrustedProxyNothingIsPassedOn() {
        String peer = "127.0." + (1 + Math.floorMod(System.nanoTime(), 200)) + ".23";
        WebTestClient direct = WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(peer, 0))))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(15)).build();

        Map<String, String> seen = seenBy(direct, "/console/citizen/cases", "https", "evil.example", "443");

        assertThat(seen).as("from " + peer).doesNotContainKeys("x-forwarded-proto", "x-forwarded-host", "x-forwarded-port");
    }

    @Test
    void theApiRoutesNeverGetThem() {
        EntityExchangeResult<byte[]> result = client().get().uri("/api/v1/orgs/public/organizations")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "minzheng.example.gov.cn")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        assertThat(lowerCase(headersSeenBy(result.getResponseBody()))).doesNotContainKeys("x-forwarded-proto", "x-forwarded-host");
    }

    private static Map<String, String> seenBy(WebTestClient client, String path, String proto, String host, String port) {
        EntityExchangeResult<byte[]> result = client.get().uri(path)
                .header("X-Forwarded-Proto", proto)
                .header("X-Forwarded-Host", host)
                .header("X-Forwarded-Port", port)
                .cookie("SESSION", "browser-session-tls")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        return lowerCase(headersSeenBy(result.getResponseBody()));
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
