package cn.minzheng.gateway.overload;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests in flight per service ({@code minzheng.gateway.concurrency-limit.*}). Technical values, no
 * legal source.
 *
 * @param enabled     switch (default on)
 * @param maxInFlight requests one gateway instance has in flight to one service before it refuses more
 *                    (default 128: a service answering in ~5 ms needs a handful to run at capacity; 128
 *                    keeps its queue well inside the time limit even at a few hundred requests/s)
 * @param perService  a different limit for a service, by the name its routes' {@code ConcurrencyLimit}
 *                    filter gives (e.g. {@code assistance-service: 256})
 * @param retryAfter  what the refusal's {@code Retry-After} says (default 1 s, rounded up to seconds)
 */
@ConfigurationProperties("minzheng.gateway.concurrency-limit")
public record ConcurrencyLimitProperties(Boolean enabled, Integer maxInFlight, Map<String, Integer> perService,
                                         Duration retryAfter) {

    public ConcurrencyLimitProperties {
        enabled = enabled == null || enabled;
        maxInFlight = maxInFlight == null ? 128 : maxInFlight;
        perService = perService == null ? Map.of() : Map.copyOf(perService);
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }

    public int limitOf(String service) {
        return perService.getOrDefault(service, maxInFlight);
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
