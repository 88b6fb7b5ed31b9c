package cn.minzheng.console.security;

import cn.minzheng.console.ConsoleProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one client registration, {@code minzheng}: a public client (no secret, so Spring Security adds PKCE
 * S256) using the authorization code flow. The provider's endpoints come from its OIDC discovery document,
 * read on the first login and kept once it answered: the console starts (and its public pages work) while the
 * identity provider is still starting or down; a login then says so instead of failing at start-up.
 */
public final class IssuerRegistrations implements ReactiveClientRegistrationRepository {

    public static final String REGISTRATION_ID = "minzheng";

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
        return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
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
}
