package cn.minzheng.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.console.ConsoleProperties;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Compose's case: browsers reach the provider at its published address (the issuer the tokens name), the console
 * reaches it inside the network. The registration takes the endpoints of the internal discovery document and
 * still refuses a document that names another issuer.
 */
class IssuerDiscoveryTest {

    private static final String PUBLIC_ISSUER = "http://localhost:8180/realms/minzheng";

    private HttpServer provider;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String announcedIssuer = PUBLIC_ISSUER;

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/realms/minzheng/.well-known/openid-configuration", exchange -> {
            reads.incrementAndGet();
            String internal = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/minzheng/protocol/openid-connect";
            byte[] body = ("""
                    {"issuer":"%s",
                     "authorization_endpoint":"%s/protocol/openid-connect/auth",
                     "token_endpoint":"%s/token",
                     "jwks_uri":"%s/certs",
                     "userinfo_endpoint":"%s/userinfo",
                     "end_session_endpoint":"%s/protocol/openid-connect/logout",
                     "response_types_supported":["code"],
                     "subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}
                    """).formatted(announcedIssuer, PUBLIC_ISSUER, internal, internal, internal, PUBLIC_ISSUER)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private IssuerRegistrations registrations() {
        String internal = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/minzheng";
        return new IssuerRegistrations(new ConsoleProperties(PUBLIC_ISSUER, internal, "minzheng-console",
                "http://127.0.0.1:1", Duration.ofSeconds(5), Duration.ofMinutes(15), false));
    }

    @Test
    void theBrowserIsSentToThePublicAddressAndTheConsoleUsesTheInternalOne() {
        ClientRegistration registration = registrations().findByRegistrationId(IssuerRegistrations.REGISTRATION_ID)
                .block(Duration.ofSeconds(20));

        assertThat(registration).isNotNull();
        ClientRegistration.ProviderDetails details = registration.getProviderDetails();
        assertThat(details.getIssuerUri()).isEqualTo(PUBLIC_ISSUER);
        assertThat(details.getAuthorizationUri()).isEqualTo(PUBLIC_ISSUER + "/protocol/openid-connect/auth");
        assertThat(details.getTokenUri()).startsWith("http://127.0.0.1:").endsWith("/token");
        assertThat(details.getJwkSetUri()).startsWith("http://127.0.0.1:").endsWith("/certs");
        assertThat(registration.getClientId()).isEqualTo("minzheng-console");
        assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/console/login/oauth2/code/{registrationId}");
    }

    @Test
    void aDocumentNamingAnotherIssuerIsRefusedAndReadAgainOnTheNextLogin() {
        announcedIssuer = "http://keycloak:8080/realms/minzheng";
        IssuerRegistrations registrations = registrations();

        assertThatThrownBy(() -> registrations.findByRegistrationId(IssuerRegistrations.REGISTRATION_ID)
                .block(Duration.ofSeconds(20)))
                .hasMessageContaining("names the issuer http://keycloak:8080/realms/minzheng")
                .hasMessageContaining("not " + PUBLIC_ISSUER);

        announcedIssuer = PUBLIC_ISSUER;
        assertThat(registrations.findByRegistrationId(IssuerRegistrations.REGISTRATION_ID).block(Duration.ofSeconds(20)))
                .isNotNull();
        assertThat(reads).hasValue(2);
    }
}
