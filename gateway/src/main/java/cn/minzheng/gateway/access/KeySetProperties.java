package cn.minzheng.gateway.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fetching the issuer's key set ({@code minzheng.gateway.key-set.*}).
 *
 * @param refetchCooldown least time between two fetches; a token with an unknown {@code kid} within it
 *                        is refused without a fetch
 */
@ConfigurationProperties("minzheng.gateway.key-set")
public record KeySetProperties(Duration refetchCooldown) {

    public KeySetProperties {
        refetchCooldown = refetchCooldown == null ? Duration.ofSeconds(10) : refetchCooldown;
    }
}
