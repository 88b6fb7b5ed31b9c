package cn.minzheng.gateway.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.security.token-cache.*}, the same keys and defaults as the services' (service kit):
 * verified tokens remembered so a token's signature is checked once, not on every request.
 *
 * @param enabled    {@code false}: every token checked in full on every request (default {@code true})
 * @param maxEntries most tokens remembered (default 10,000)
 * @param maxAge     longest a verified token is used without a full check, even before its {@code exp}
 *                   (default 5 min)
 */
@ConfigurationProperties("minzheng.security.token-cache")
public record TokenCacheProperties(Boolean enabled, Integer maxEntries, Duration maxAge) {

    public TokenCacheProperties {
        enabled = enabled == null || enabled;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
    }
}
