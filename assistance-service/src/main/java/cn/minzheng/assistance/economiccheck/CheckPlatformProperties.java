package cn.minzheng.assistance.economiccheck;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The external 居民家庭经济状况核对 platform ({@code minzheng.assistance.economic-check.*}). No base URL →
 * only manual entry by clerks.
 *
 * @param timeLimit          a call slower than this counts as failed (and the check stays pending)
 * @param maxConcurrentCalls bulkhead: calls in flight at once; more are refused at once
 * @param failureRatePercent circuit breaker opens at this failure rate over the last {@code windowSize} calls
 * @param openFor            how long the breaker stays open before trying again
 */
@ConfigurationProperties("minzheng.assistance.economic-check")
public record CheckPlatformProperties(String baseUrl, Duration timeLimit, int maxConcurrentCalls,
                                      int failureRatePercent, int windowSize, Duration openFor) {
    public CheckPlatformProperties {
        timeLimit = timeLimit == null ? Duration.ofSeconds(3) : timeLimit;
        maxConcurrentCalls = maxConcurrentCalls <= 0 ? 10 : maxConcurrentCalls;
        failureRatePercent = failureRatePercent <= 0 ? 50 : failureRatePercent;
        windowSize = windowSize <= 0 ? 10 : windowSize;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
