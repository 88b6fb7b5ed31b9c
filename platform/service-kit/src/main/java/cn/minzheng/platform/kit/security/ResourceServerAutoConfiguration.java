package cn.minzheng.platform.kit.security;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.web.ProblemAutoConfiguration;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import cn.minzheng.platform.tokens.TokenCacheProperties;
import cn.minzheng.platform.tokens.VerifiedTokenCache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The one security configuration: a stateless resource server validating RS256 JWTs from
 * {@code minzheng.security.jwk-set-uri} issued by {@code minzheng.security.issuer} for the audience
 * {@code minzheng.security.audience}; the gateway's roles per route family
 * ({@code minzheng.security.route-roles}); claim {@code roles} → {@code ROLE_<NAME>} for the known {@link Role}s; public paths and
 * actuator health/info/prometheus open; the service's {@link ServiceAuthorizationRules}; everything
 * else needs a valid token. 401/403 answer with problem+json.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class, before = {ReactiveWebSecurityAutoConfiguration.class,
        ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveOAuth2ResourceServerAutoConfiguration.class,
        ReactiveManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties({KitSecurityProperties.class, TokenCacheProperties.class})
public class ResourceServerAutoConfiguration {

    static final String[] ACTUATOR_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus"};

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder minzhengJwtDecoder(KitSecurityProperties properties, TokenCacheProperties cache) {
        if (properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()) {
            throw new IllegalStateException("minzheng.security.jwk-set-uri is required (env MINZHENG_SECURITY_JWK_SET_URI)");
        }
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("minzheng.security.issuer is required (env MINZHENG_SECURITY_ISSUER)");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience(properties.audience()));
        decoder.setJwtValidator(validator);
        // a token verified once is not verified again until it expires (its claims are re-validated)
        return cache.enabled()
                ? new VerifiedTokenCache(decoder, validator, Clock.systemUTC(), cache.maxEntries(), cache.maxAge())
                : decoder;
    }

    /**
     * The token must be meant for this platform: {@code aud} contains the configured audience. A token the
     * same issuer made for another application (another client's audience, or none) is refused with 401,
     * as at the gateway. {@code aud} rather than {@code azp}: the audience names the resource server, so a
     * new client (console, bench, an operator's device login) needs only Keycloak's audience mapper, not a
     * change of every service's client list.
     */
    public static OAuth2TokenValidator<Jwt> audience(String audience) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    /**
     * Spring Security's request firewall refuses paths with an encoded slash, backslash, percent,
     * semicolon or NUL before any handler runs; this answers them with a 400 problem
     * ({@code path-rejected}) instead of a bare 400 without a body.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler firewallRejectionProblem(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, new ProblemException(400, "path-rejected"));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain minzhengSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                          KitSecurityProperties properties, ProblemWriter problems,
                                                          ObjectProvider<ServiceAuthorizationRules> serviceRules) {
        var entryPoint = ProblemSecurityHandlers.entryPoint(problems);
        var accessDenied = ProblemSecurityHandlers.accessDenied(problems);
        var jwtConverter = new JwtAuthenticationConverter();
        // the same reading of the roles claim as Principal: known roles, case-insensitive
        jwtConverter.setJwtGrantedAuthoritiesConverter(jwt -> TokenClaims.toPrincipal(jwt.getClaims()).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList());

        if (!properties.routeRoles().isEmpty()) {
            // after authentication, before the path rules: the gateway's roles per route family first
            http.addFilterBefore(new RouteRolesWebFilter(properties.routeRoles(), properties.publicPaths(), problems),
                    SecurityWebFiltersOrder.AUTHORIZATION);
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authorizeExchange(rules -> {
                    rules.pathMatchers(ACTUATOR_PUBLIC).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        rules.pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    serviceRules.orderedStream().forEach(r -> r.configure(rules));
                    rules.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter))))
                .build();
    }
}
