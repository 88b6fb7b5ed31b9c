package cn.minzheng.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's settings ({@code minzheng.console.*}).
 *
 * @param issuerUri    the OpenID provider as browsers reach it and as its tokens name it (discovered on first
 *                     login, so the console starts without it)
 * @param discoveryUri where the console itself reads the provider's discovery document, when that differs from
 *                     {@code issuerUri} (compose: {@code http://keycloak:8080/realms/minzheng} inside the network,
 *                     while browsers use the published address); blank = {@code issuerUri}. The document must name
 *                     {@code issuerUri} as its issuer
 * @param clientId     the public client registered there (authorization code + PKCE, no secret)
 * @param apiBase      the gateway: every API call goes there with the user's bearer token
 * @param apiTimeout   how long one API call may take before the page says the service is unavailable
 * @param idleTimeout  a session unused this long is gone (and its tokens with it)
 * @param cookieSecure the session cookie's Secure flag (true wherever the gateway is reached over TLS)
 */
@ConfigurationProperties("minzheng.console")
public record ConsoleProperties(String issuerUri, String discoveryUri, String clientId, String apiBase, Duration apiTimeout,
                                Duration idleTimeout, boolean cookieSecure) {
    public ConsoleProperties {
        if (discoveryUri == null || discoveryUri.isBlank()) {
            discoveryUri = issuerUri;
        }
        if (clientId == null || clientId.isBlank()) {
            clientId = "console";
        }
        if (apiTimeout == null) {
            apiTimeout = Duration.ofSeconds(5);
        }
        if (idleTimeout == null) {
            idleTimeout = Duration.ofMinutes(15);
        }
    }
}
