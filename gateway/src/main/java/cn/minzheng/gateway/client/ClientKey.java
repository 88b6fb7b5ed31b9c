package cn.minzheng.gateway.client;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, for rate limits and security events: the token subject when the caller has a valid
 * token ({@code sub:<subject>}), else the TCP peer address ({@code ip:<address>}). Never a header
 * value: the untrusted forwarding headers are gone by the time this is read.
 */
public record ClientKey(String value) {

    public static ClientKey ofSubject(String subject) {
        return new ClientKey("sub:" + subject);
    }

    public static ClientKey ofAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return new ClientKey("ip:" + address);
    }

    @Override
    public String toString() {
        return value;
    }
}
