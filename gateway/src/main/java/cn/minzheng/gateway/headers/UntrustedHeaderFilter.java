package cn.minzheng.gateway.headers;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First thing on every request: strip the headers a client could use to pretend to be someone else.
 * The client address has been taken from the forwarding headers just before, where a trusted proxy
 * wrote them ({@code client.ClientAddressFilter}).
 */
@Component
public class UntrustedHeaderFilter implements WebFilter, Ordered {

    private final UntrustedHeaders untrusted = UntrustedHeaders.standard();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> present = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(untrusted::isUntrusted)
                .toList();
        if (present.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest cleaned = exchange.getRequest().mutate()
                .headers(headers -> present.forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    @Override
    public int getOrder() {
        return cn.minzheng.gateway.client.ClientAddressFilter.ORDER + 1;
    }
}
