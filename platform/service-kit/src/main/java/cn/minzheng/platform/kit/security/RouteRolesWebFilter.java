package cn.minzheng.platform.kit.security;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Defence in depth (issue 14 item 7): a caller whose token holds none of the roles the gateway admits on
 * a route family ({@code minzheng.security.route-roles}) is refused here too, before any path rule of
 * the service and before any handler — a direct call skipping the gateway meets the same gate.
 * 403 {@code role-not-admitted} naming the admitted roles; recorded like every 403 (refusal events).
 * Public paths pass; a request without a valid token is left to the chain (401).
 */
final class RouteRolesWebFilter implements WebFilter {

    private final List<Family> families;
    private final List<PathPattern> publicPaths;
    private final ProblemWriter problems;

    RouteRolesWebFilter(List<KitSecurityProperties.RouteRoles> routeRoles, List<String> publicPaths, ProblemWriter problems) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.families = routeRoles.stream()
                .map(r -> new Family(parser.parse(r.path()), Set.copyOf(r.roles()), String.join(", ", r.roles())))
                .toList();
        this.publicPaths = publicPaths.stream().map(parser::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (publicPaths.stream().anyMatch(p -> p.matches(path))) {
            return chain.filter(exchange);
        }
        Optional<Family> family = families.stream().filter(f -> f.pattern().matches(path)).findFirst();
        if (family.isEmpty()) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(authentication -> authentication.isEmpty() || family.get().admits(roles(authentication.get()))
                        ? chain.filter(exchange)
                        : problems.write(exchange, new ForbiddenProblem("role-not-admitted", family.get().names())));
    }

    /**
     * The role names as the gateway reads them: the {@code roles} claim exactly (a list, or one string split
     * on spaces, case-sensitive), so a name the gateway does not know ({@code auditor}) is not admitted here
     * either; other authentications by their {@code ROLE_} authorities.
     */
    private static Set<String> roles(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            Object raw = jwt.getClaims().get("roles");
            if (raw instanceof Collection<?> names) {
                return names.stream().map(String::valueOf).collect(Collectors.toSet());
            }
            return raw instanceof String names ? java.util.Arrays.stream(names.trim().split(" +")).collect(Collectors.toSet()) : Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet());
    }

    private record Family(PathPattern pattern, Set<String> roles, String names) {

        boolean admits(Set<String> callerRoles) {
            return callerRoles.stream().anyMatch(roles::contains);
        }
    }
}
