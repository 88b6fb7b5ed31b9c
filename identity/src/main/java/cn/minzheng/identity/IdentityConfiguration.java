package cn.minzheng.identity;

import java.util.UUID;

import cn.minzheng.platform.embedded.DemoUser;
import cn.minzheng.platform.embedded.LocalTokenIssuer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with OpenID Connect for the {@code console} client, the demo users, and
 * the old issuer's signing key and scripted endpoints.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** The client id of the web console (docs: the console contract). */
    static final String CONSOLE_CLIENT_ID = "console";

    /** The protocol endpoints: authorize, token, JWKS, OIDC discovery, UserInfo, logout. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser not logged in yet is sent to the login page; the UserInfo endpoint takes the access token
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** The login page (form login, CSRF-protected) and the scripted endpoints (no login, no CSRF: JSON for scripts). */
    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(ScriptedTokenController.TOKEN_PATH, ScriptedTokenController.JWKS_PATH,
                                "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(ScriptedTokenController.TOKEN_PATH))
                .formLogin(form -> form.loginPage("/login"));
        return http.build();
    }

    @Bean
    DemoUsers demoUsers() {
        return new DemoUsers(DemoUser.all());
    }

    /** Each demo user under its key, password {@value DemoUsers#PASSWORD}. */
    @Bean
    UserDetailsService users(DemoUsers demoUsers) {
        return new InMemoryUserDetailsManager(demoUsers.all().stream()
                .map(user -> User.withUsername(user.key())
                        .password("{noop}" + DemoUsers.PASSWORD)
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    /**
     * The old issuer, never started: it holds the signing key (its key file under the data folder), mints
     * the scripted tokens and answers the scripted endpoints.
     */
    @Bean
    LocalTokenIssuer scriptedTokens(IdentityProperties properties) {
        return LocalTokenIssuer.builder()
                .issuer(properties.issuer())
                .keyFile(properties.keyFile())
                .build();
    }

    /** The same RSA key signs the code flow's tokens: the gateway's one key set covers both. */
    @Bean
    JWKSource<SecurityContext> jwkSource(LocalTokenIssuer scriptedTokens) {
        return new ImmutableJWKSet<>(new JWKSet(scriptedTokens.signingKey()));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /** The console: a public client, authorization code with PKCE (S256) required, no consent screen. */
    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        RegisteredClient console = RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE_CLIENT_ID.getBytes()).toString())
                .clientId(CONSOLE_CLIENT_ID)
                .clientName("民政服务平台控制台")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.console().redirectUriForms()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.console().postLogoutRedirectUriForms()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
        return new InMemoryRegisteredClientRepository(console);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(DemoUsers demoUsers) {
        return new PlatformClaims(demoUsers);
    }
}
