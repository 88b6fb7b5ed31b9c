package cn.minzheng.gateway.client;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, for rate limits and security events: the token subject when the caller has a valid
 * token ({@code sub:<subject>}), else the client address ({@code ip:<address>}): the TCP peer, or what
 * a configured trusted proxy wrote in its forwarding header ({@link ClientAddressFilter}); never what a
 * client wrote.
 */
public record ClientKey(String value) {

    public static ClientKey ofSubject(String subject) {
        return new ClientKey("sub:" + subject);
    }

    public static ClientKey ofAddress(ServerWebExchange exchange) {
        Object resolved = exchange.getAttribute(ClientAddressFilter.ATTRIBUTE);
        if (resolved != null) {
            return new ClientKey("ip:" + resolved);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return new ClientKey("ip:" + address);
    }

    @Override
    public String toString() {
        return value;
    }
}
