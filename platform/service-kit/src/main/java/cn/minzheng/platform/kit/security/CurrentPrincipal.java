package cn.minzheng.platform.kit.security;

import cn.minzheng.platform.kit.problem.UnauthenticatedProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** The caller of the current request, from the validated JWT in the reactive security context. */
public final class CurrentPrincipal {

    private CurrentPrincipal() {
    }

    /** The principal, or empty on a public path without a token. */
    public static Mono<Principal> get() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(auth -> auth.getPrincipal() instanceof Jwt jwt
                        ? Mono.just(TokenClaims.toPrincipal(jwt.getClaims()))
                        : Mono.empty());
    }

    /** The principal, or a 401 problem. */
    public static Mono<Principal> require() {
        return get().switchIfEmpty(Mono.error(UnauthenticatedProblem::new));
    }
}
