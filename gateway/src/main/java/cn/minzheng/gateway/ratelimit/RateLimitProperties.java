package cn.minzheng.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client token bucket ({@code minzheng.gateway.rate-limit.*}).
 *
 * @param enabled switch
 * @param capacity burst size: requests a client may send at once
 * @param refillTokens tokens added every {@code refillPeriod}
 * @param refillPeriod see {@code refillTokens}
 * @param maxClients buckets kept before idle ones are evicted
 */
@ConfigurationProperties("minzheng.gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Long capacity, Long refillTokens, Duration refillPeriod, Integer maxClients) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        capacity = capacity == null ? 100L : capacity;
        refillTokens = refillTokens == null ? 50L : refillTokens;
        refillPeriod = refillPeriod == null ? Duration.ofSeconds(1) : refillPeriod;
        maxClients = maxClients == null ? 100_000 : maxClients;
    }
}
