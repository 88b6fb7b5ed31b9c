package cn.minzheng.platform.kit.idempotency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.idempotency.*}.
 *
 * @param ttl how long a key is remembered (default 24 h, checked by code on read)
 * @param inFlightLease after this long an unfinished first request counts as abandoned (default 60 s)
 * @param cleanupInterval how often expired keys are deleted (default 10 min)
 * @param paths path patterns where POSTs honour {@code Idempotency-Key} (default all)
 * @param maxBodyBytes largest request body remembered (default 256 KiB; larger → 413)
 */
@ConfigurationProperties("minzheng.idempotency")
public record IdempotencyProperties(Duration ttl, Duration inFlightLease, Duration cleanupInterval,
                                    List<String> paths, Integer maxBodyBytes) {

    public IdempotencyProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        inFlightLease = inFlightLease == null ? Duration.ofSeconds(60) : inFlightLease;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
        paths = paths == null || paths.isEmpty() ? List.of("/**") : List.copyOf(paths);
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
    }
}
