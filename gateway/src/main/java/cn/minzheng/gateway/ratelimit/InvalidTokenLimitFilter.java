package cn.minzheng.gateway.ratelimit;

import cn.minzheng.gateway.access.RouteAccessFilter;
import cn.minzheng.gateway.client.ClientKey;
import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import cn.minzheng.gateway.securityevents.SecurityDenial;
import cn.minzheng.gateway.securityevents.SecurityEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limit ahead of token checks: every request that carries an {@code Authorization} header takes
 * one token from its client address's bucket before Spring Security looks at the header; a token that
 * proves valid gives it back ({@link #accepted}, called on successful authentication). So the bucket
 * counts invalid tokens per address, and once it is empty the gateway answers 429 without parsing the
 * token, verifying a signature or asking the issuer for keys. Valid callers behind the same address
 * never drain it; while an address floods, they are refused with it (the price of a per-address limit).
 * Requests without a token cost no check and are limited by {@link RateLimitFilter}.
 */
@Component
public class InvalidTokenLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain proxy (order -100, WebFluxSecurityConfiguration). */
    public static final int ORDER = -150;

    private static final String CHARGED = InvalidTokenLimitFilter.class.getName() + ".charged";

    private final ClientBuckets buckets;
    private final boolean enabled;
    private final ProblemResponses problems;
    private final SecurityEventPublisher events;

    public InvalidTokenLimitFilter(InvalidTokenLimitProperties properties, ProblemResponses problems,
                                   SecurityEventPublisher events, Clock clock) {
        this.buckets = new ClientBuckets(properties.capacity(), properties.refillTokens(),
                properties.refillPeriod().toNanos(), properties.maxClients(), () -> nanos(clock.instant()));
        this.enabled = properties.enabled();
        this.problems = problems;
        this.events = events;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        ClientKey key = ClientKey.ofAddress(exchange);
        TokenBucket.Outcome outcome = buckets.tryTake(key.value());
        if (outcome.allowed()) {
            exchange.getAttributes().put(CHARGED, key.value());
            return chain.filter(exchange);
        }
        long retryAfter = outcome.retryAfterSeconds();
        events.publish(RouteAccessFilter.denial(exchange, SecurityDenial.Kind.RATE_LIMITED, key.value(), null,
                List.of(), null, "too many invalid tokens from this address"));
        return problems.write(exchange, ProblemKind.TOO_MANY_INVALID_TOKENS,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)), retryAfter);
    }

    /** The request's token was valid: its address gets back the token it paid ahead. */
    public void accepted(ServerWebExchange exchange) {
        Object charged = exchange.getAttributes().remove(CHARGED);
        if (charged != null) {
            buckets.giveBack(charged.toString());
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
