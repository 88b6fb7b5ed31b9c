package cn.minzheng.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Invalid tokens per client address, checked before any token is ({@code minzheng.gateway.invalid-token-limit.*}).
 *
 * @param enabled switch
 * @param capacity invalid tokens an address may send at once
 * @param refillTokens invalid tokens allowed again every {@code refillPeriod}
 * @param refillPeriod see {@code refillTokens}
 * @param maxClients addresses kept before idle ones are evicted
 */
@ConfigurationProperties("minzheng.gateway.invalid-token-limit")
public record InvalidTokenLimitProperties(Boolean enabled, Long capacity, Long refillTokens, Duration refillPeriod,
                                          Integer maxClients) {

    public InvalidTokenLimitProperties {
        enabled = enabled == null || enabled;
        capacity = capacity == null ? 20L : capacity;
        refillTokens = refillTokens == null ? 20L : refillTokens;
        refillPeriod = refillPeriod == null ? Duration.ofMinutes(1) : refillPeriod;
        maxClients = maxClients == null ? 100_000 : maxClients;
    }
}
