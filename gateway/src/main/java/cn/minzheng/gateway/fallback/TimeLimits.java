package cn.minzheng.gateway.fallback;

import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The time limit of each service's circuit breaker, as configured, so a 504 can say what it was. */
@Component
public class TimeLimits {

    private final ObjectProvider<TimeLimiterRegistry> registry;

    public TimeLimits(ObjectProvider<TimeLimiterRegistry> registry) {
        this.registry = registry;
    }

    public Duration of(String service) {
        TimeLimiterRegistry limiters = registry.getIfAvailable();
        if (limiters == null) {
            return TimeLimiterConfig.ofDefaults().getTimeoutDuration();
        }
        return limiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration();
    }
}
