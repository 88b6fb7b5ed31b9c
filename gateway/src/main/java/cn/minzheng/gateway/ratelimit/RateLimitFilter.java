package cn.minzheng.gateway.ratelimit;

import cn.minzheng.gateway.access.RouteAccessFilter;
import cn.minzheng.gateway.client.ClientKey;
import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import cn.minzheng.gateway.securityevents.SecurityDenial;
import cn.minzheng.gateway.securityevents.SecurityEventPublisher;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-client rate limit, after the token is checked (so the key is the token subject when there is
 * one, else the client address): 429 problem with {@code Retry-After}. Actuator endpoints are not
 * limited (probes and scrapes come from the platform itself).
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private final ClientBuckets buckets;
    private final boolean enabled;
    private final ProblemResponses problems;
    private final SecurityEventPublisher events;

    public RateLimitFilter(RateLimitProperties properties, ProblemResponses problems, SecurityEventPublisher events) {
        this.buckets = new ClientBuckets(properties.capacity(), properties.refillTokens(),
                properties.refillPeriod().toNanos(), properties.maxClients(), System::nanoTime);
        this.enabled = properties.enabled();
        this.problems = problems;
        this.events = events;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(authentication -> {
                    ClientKey key = authentication.map(a -> ClientKey.ofSubject(a.getName()))
                            .orElseGet(() -> ClientKey.ofAddress(exchange));
                    TokenBucket.Outcome outcome = buckets.tryTake(key.value());
                    if (outcome.allowed()) {
                        return chain.filter(exchange);
                    }
                    long retryAfter = outcome.retryAfterSeconds();
                    Authentication caller = authentication.orElse(null);
                    events.publish(RouteAccessFilter.denial(exchange, SecurityDenial.Kind.RATE_LIMITED, key.value(),
                            caller == null ? null : caller.getName(), List.of(), null,
                            "rate limit exceeded, retry after " + retryAfter + " s"));
                    return problems.write(exchange, ProblemKind.RATE_LIMITED,
                            headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)), retryAfter);
                });
    }

    /**
     * After Spring Security's filter chain proxy (order -100, WebFluxSecurityConfiguration), whose
     * authentication puts the caller into the Reactor context this filter reads.
     */
    @Override
    public int getOrder() {
        return -50;
    }
}
