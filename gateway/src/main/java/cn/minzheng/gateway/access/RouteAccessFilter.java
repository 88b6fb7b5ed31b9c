package cn.minzheng.gateway.access;

import cn.minzheng.gateway.client.ClientKey;
import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import cn.minzheng.gateway.securityevents.SecurityDenial;
import cn.minzheng.gateway.securityevents.SecurityEventPublisher;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a route matched, and before anything is sent to a service: does the route admit this
 * caller? 401 without a token on a non-public route, 403 when no role of the token is declared by
 * the route. Both answered as problems and published as security events.
 */
@Component
public class RouteAccessFilter implements GlobalFilter, Ordered {

    /** Runs before every route filter (circuit breaker, retry) and the proxying. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final ProblemResponses problems;
    private final SecurityEventPublisher events;

    public RouteAccessFilter(ProblemResponses problems, SecurityEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        RouteAccess access = route == null ? new RouteAccess(false, java.util.Set.of())
                : RouteAccess.fromMetadata(route.getMetadata());
        if (access.open()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(authentication -> decide(exchange, chain, access, authentication.orElse(null)));
    }

    private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, RouteAccess access,
                              Authentication authentication) {
        List<String> roles = authentication == null ? List.of() : roles(authentication);
        return switch (access.decide(authentication != null, roles)) {
            case ALLOW -> chain.filter(exchange);
            case UNAUTHENTICATED -> {
                events.publish(denial(exchange, SecurityDenial.Kind.UNAUTHORIZED, ClientKey.ofAddress(exchange).value(),
                        null, List.of(), null, "no token"));
                yield problems.write(exchange, ProblemKind.UNAUTHORIZED,
                        headers -> headers.set("WWW-Authenticate", "Bearer"),
                        ProblemResponses.language(exchange) == ProblemKind.Language.EN
                                ? "no bearer token was sent" : "未携带 Bearer 令牌");
            }
            case FORBIDDEN -> {
                String admitted = String.join(", ", access.roles());
                events.publish(denial(exchange, SecurityDenial.Kind.FORBIDDEN,
                        ClientKey.ofSubject(authentication.getName()).value(), authentication.getName(), roles,
                        region(authentication), "route admits " + admitted + "; caller has " + String.join(", ", roles)));
                yield problems.write(exchange, ProblemKind.FORBIDDEN, admitted.isEmpty() ? "-" : admitted);
            }
        };
    }

    static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
    }

    static String region(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaimAsString("region");
        }
        return null;
    }

    /** A denial of the current request, for the security event. */
    public static SecurityDenial denial(ServerWebExchange exchange, SecurityDenial.Kind kind, String clientKey,
                                        String subject, List<String> roles, String region, String reason) {
        return new SecurityDenial(kind, clientKey, subject, roles, region,
                exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(), reason,
                cn.minzheng.gateway.tracing.CurrentTrace.traceparent(exchange));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
