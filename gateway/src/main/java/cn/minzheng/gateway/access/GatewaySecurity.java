package cn.minzheng.gateway.access;

import cn.minzheng.gateway.client.ClientKey;
import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import cn.minzheng.gateway.securityevents.SecurityDenial;
import cn.minzheng.gateway.securityevents.SecurityEventPublisher;
import cn.minzheng.gateway.ratelimit.InvalidTokenLimitFilter;
import cn.minzheng.platform.tokens.TokenCacheProperties;
import cn.minzheng.platform.tokens.VerifiedTokenCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token checking. Spring Security only authenticates here: a bearer token, when present, must be a
 * valid RS256 JWT from the configured issuer (else 401). Which route admits whom is decided after
 * routing by {@link RouteAccessFilter}, from each route's YAML metadata, so routes and their roles
 * live in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenCacheProperties.class)
public class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                ProblemResponses problems, SecurityEventPublisher events,
                                                InvalidTokenLimitFilter invalidTokenLimit) {
        ServerAuthenticationEntryPoint badToken = (exchange, error) -> unauthorized(exchange, error, problems, events);
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(decoder);
        jwt.setJwtAuthenticationConverter(authenticationConverter());
        // a valid token hands back what its address paid ahead in the invalid-token limit
        ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens = exchange -> Mono.just(
                authentication -> jwt.authenticate(authentication)
                        .doOnNext(authenticated -> invalidTokenLimit.accepted(exchange)));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // headers such as HSTS and X-Content-Type-Options stay on (defaults); the services'
                // own cache headers pass through
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(badToken))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(badToken))
                .build();
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException error,
                                           ProblemResponses problems, SecurityEventPublisher events) {
        String reason = "invalid token: " + error.getMessage();
        events.publish(RouteAccessFilter.denial(exchange, SecurityDenial.Kind.UNAUTHORIZED,
                ClientKey.ofAddress(exchange).value(), null, List.of(), null, reason));
        return problems.write(exchange, ProblemKind.UNAUTHORIZED,
                headers -> headers.set("WWW-Authenticate", "Bearer error=\"invalid_token\""),
                ProblemResponses.language(exchange) == ProblemKind.Language.EN
                        ? "the token is invalid, expired or not issued for this platform; sign in again for a new token"
                        : "令牌无效、已过期或不是签发给本平台的，请重新登录获取新令牌");
    }

    /**
     * Spring Security's request firewall refuses paths with an encoded slash, backslash, percent,
     * semicolon or NUL before any route runs; without this the client would get a bare 400.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRejection(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemKind.BAD_REQUEST,
                ProblemResponses.language(exchange) == ProblemKind.Language.EN
                        ? "the path contains a character that is not allowed (encoded slash, backslash, percent, semicolon or NUL); remove it and retry"
                        : "路径中含有不允许的字符（编码的斜杠、反斜杠、百分号、分号或空字符），请去掉后重试");
    }

    /**
     * RS256 tokens verified with the issuer's key set, fetched again for an unknown {@code kid} at most once
     * per cool-down, issued by the configured issuer for the platform's audience ({@code aud} contains
     * {@code minzheng.security.audience}: a token the issuer made for another application is not ours).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties security, KeySetProperties keySet, TokenCacheProperties cache,
                                  Clock clock, MeterRegistry meters) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                new JwkSetCooldown(security.jwkSetUri(), keySet.refetchCooldown(), clock, meters)).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(security.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(security.audience())));
        decoder.setJwtValidator(validator);
        if (!cache.enabled()) {
            return decoder;
        }
        // a token verified once is not verified again until it expires (its claims are re-validated on
        // every hit). Token times are Spring Security's real clock, so the cache's is too.
        VerifiedTokenCache verified = new VerifiedTokenCache(decoder, validator, Clock.systemUTC(),
                cache.maxEntries(), cache.maxAge());
        Gauge.builder("gateway.token.cache.size", verified, VerifiedTokenCache::size)
                .description("Verified tokens the gateway remembers").register(meters);
        return verified;
    }

    /** {@code roles: [A, B]} becomes authorities {@code ROLE_A, ROLE_B}; the principal name is {@code sub}. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
