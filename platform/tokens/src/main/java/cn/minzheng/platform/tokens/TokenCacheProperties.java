package cn.minzheng.platform.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.security.token-cache.*}: verified tokens remembered so a token's signature is checked
 * once, not on every request ({@link VerifiedTokenCache}). The gateway and every service (service kit)
 * read these keys.
 *
 * @param enabled    {@code false} checks every token in full on every request (default {@code true})
 * @param maxEntries most tokens remembered (default 10,000: a county's staff and the citizens signed in
 *                   at once; ~2 KB each)
 * @param maxAge     longest a verified token is used without a full check, even before its {@code exp}
 *                   (default 5 min: the key set's own cache time, so a withdrawn key stops admitting
 *                   within the window it already had)
 */
@ConfigurationProperties("minzheng.security.token-cache")
public record TokenCacheProperties(Boolean enabled, Integer maxEntries, Duration maxAge) {

    public TokenCacheProperties {
        enabled = enabled == null || enabled;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
    }
}
