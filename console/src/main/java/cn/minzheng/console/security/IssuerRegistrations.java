package cn.minzheng.console.security;

import cn.minzheng.console.ConsoleProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client registration, {@code minzheng}: a public client (no secret, so Spring Security adds PKCE
 * S256) using the authorization code flow. The provider's endpoints come from its OIDC discovery document,
 * read on the first login and kept once it answered: the console starts (and its public pages work) while the
 * identity provider is still starting or down; a login then says so instead of failing at start-up.
 */
public final class IssuerRegistrations implements ReactiveClientRegistrationRepository {

    public static final String REGISTRATION_ID = "minzheng";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConsoleProperties properties;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    public IssuerRegistrations(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return Mono.empty();
        }
        ClientRegistration known = discovered.get();
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.fromCallable(this::discover).subscribeOn(Schedulers.boundedElastic())
                .doOnNext(discovered::set);
    }

    private ClientRegistration discover() {
        return provider()
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .userNameAttributeName("sub")
                .clientName("民政服务平台")
                .build();
    }

    /**
     * The provider's endpoints: from the issuer itself, or — where the console reaches the provider at another
     * address than browsers do — from the discovery document at {@code discoveryUri}, which must still name
     * {@code issuerUri} as its issuer (the tokens are checked against it).
     */
    private ClientRegistration.Builder provider() {
        String issuer = properties.issuerUri();
        String at = properties.discoveryUri();
        if (at.equals(issuer)) {
            return ClientRegistrations.fromIssuerLocation(issuer);
        }
        String location = at.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        Map<String, Object> metadata = readMetadata(location);
        Object named = metadata.get("issuer");
        if (!issuer.equals(named)) {
            throw new IllegalStateException("the discovery document at " + location + " names the issuer " + named
                    + ", not " + issuer + " (minzheng.console.issuer-uri): set the issuer the provider announces");
        }
        return ClientRegistrations.fromOidcConfiguration(metadata);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMetadata(String location) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the discovery document at " + location + " answered " + response.statusCode());
            }
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the discovery document at " + location + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + location, e);
        }
    }
}
