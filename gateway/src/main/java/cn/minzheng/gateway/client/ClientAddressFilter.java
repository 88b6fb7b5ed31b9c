package cn.minzheng.gateway.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Notes the client address ({@link ClientAddressResolver}) on the exchange before the forwarding
 * headers are stripped ({@code UntrustedHeaderFilter} runs next); {@link ClientKey#ofAddress} reads it. From a
 * trusted proxy it also notes the scheme, host and port the browser used ({@link ProxiedOrigin}), which
 * {@link ProxiedOriginHeadersFilter} gives the services again.
 */
@Component
public class ClientAddressFilter implements WebFilter, Ordered {

    /** Before the forwarding headers are stripped ({@code UntrustedHeaderFilter}, one later). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".address";

    private final ClientAddressResolver resolver;

    public ClientAddressFilter(ClientAddressProperties properties) {
        this.resolver = properties.resolver();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            InetAddress client = resolver.resolve(remote.getAddress(), exchange.getRequest().getHeaders()
                    .getOrEmpty(resolver.header().headerName()));
            exchange.getAttributes().put(ATTRIBUTE, client.getHostAddress());
            if (resolver.trusts(remote.getAddress())) {
                ProxiedOrigin.of(exchange.getRequest().getHeaders())
                        .ifPresent(origin -> exchange.getAttributes().put(ProxiedOrigin.ATTRIBUTE, origin));
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
