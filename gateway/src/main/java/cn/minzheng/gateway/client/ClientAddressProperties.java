package cn.minzheng.gateway.client;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the client address comes from ({@code minzheng.gateway.client-address.*}).
 *
 * @param trustedProxies CIDR blocks of the proxies / load balancers in front of the gateway; empty:
 *                       the TCP peer is always the client and forwarding headers are ignored
 * @param forwardedHeader the header those proxies maintain: {@code x-forwarded-for} or {@code forwarded}
 */
@ConfigurationProperties("minzheng.gateway.client-address")
public record ClientAddressProperties(List<String> trustedProxies, ClientAddressResolver.Header forwardedHeader) {

    public ClientAddressProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(p -> p != null && !p.isBlank()).toList();
        forwardedHeader = forwardedHeader == null ? ClientAddressResolver.Header.X_FORWARDED_FOR : forwardedHeader;
    }

    /** Fails at start-up on a block that does not parse, naming it. */
    public ClientAddressResolver resolver() {
        return new ClientAddressResolver(trustedProxies.stream().map(AddressRange::parse).toList(), forwardedHeader);
    }
}
