package cn.minzheng.console.security;

import cn.minzheng.console.ConsoleProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The backend-for-frontend's security: OpenID Connect login (authorization code + PKCE, public client
 * {@code console}), the tokens kept in the server-side session only, CSRF on every change (Spring Security's
 * WebFlux default: a token per session, sent as the form field {@code _csrf} or the header
 * {@code X-CSRF-TOKEN}), an idle timeout and OIDC RP-initiated logout.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String LOGIN_PATH = "/console/oauth2/authorization/" + IssuerRegistrations.REGISTRATION_ID;

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                           ConsoleProperties properties) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
                registrations, new PathPatternParserServerWebExchangeMatcher("/console/oauth2/authorization/{registrationId}"));
        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/console/");
        logoutSuccess.setLogoutSuccessUrl(URI.create("/console/"));
        return http
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.GET, "/console", "/console/", "/console/assets/**", "/console/webjars/**",
                                "/console/public/**", "/console/login-failed", "/actuator/health/**", "/actuator/prometheus", "/favicon.ico")
                        .permitAll()
                        // each role's pages; the API checks every call again with the user's token
                        .pathMatchers("/console/citizen/**").hasRole("CITIZEN")
                        .pathMatchers("/console/staff/**").hasAnyRole("CLERK", "APPROVER")
                        .pathMatchers("/console/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .pathMatchers("/console/agent", "/console/agent/**").hasRole("ORG_AGENT")
                        .pathMatchers("/console/registrar/**").hasRole("REGISTRAR")
                        .pathMatchers("/console/enforcement", "/console/enforcement/**")
                        .hasAnyRole("INSPECTOR", "LEGAL_REVIEWER", "REGISTRAR")
                        .anyExchange().authenticated())
                .csrf(c -> c.accessDeniedHandler(new ChineseAccessDenied()))
                .oauth2Login(o -> o
                        .authorizationRequestResolver(resolver)
                        .authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(
                                "/console/login/oauth2/code/{registrationId}"))
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/console/login-failed")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_PATH))
                        .accessDeniedHandler(new ChineseAccessDenied()))
                .logout(l -> l
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/console/logout"))
                        .logoutSuccessHandler(logoutSuccess))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        // the logout form ends at the identity provider (RP-initiated logout)
                                        + "form-action 'self' " + origin(properties.issuerUri())
                                        + "; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        return new IssuerRegistrations(properties);
    }

    /** The tokens: in the user's WebSession, never in the page. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    PlatformClaimsUserService oidcUserService() {
        return new PlatformClaimsUserService();
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure behind TLS, only for the console's paths. */
    @Bean
    WebSessionManager webSessionManager(ConsoleProperties properties) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(new IdleTimeoutSessionStore(properties.idleTimeout()));
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName("CONSOLE_SESSION");
        cookies.addCookieInitializer((ResponseCookie.ResponseCookieBuilder b) -> b
                .httpOnly(true).sameSite("Lax").secure(properties.cookieSecure()).path("/console"));
        manager.setSessionIdResolver(cookies);
        return manager;
    }
}
