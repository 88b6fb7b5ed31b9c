package cn.minzheng.assistance.economiccheck;

import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.EconomicCheck;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * HTTP adapter to the 核对 platform, behind a bulkhead, a time limit and a circuit breaker. Whatever
 * goes wrong, the answer is a PENDING check, never a failed application [暂行]§58: a clerk can enter
 * the result by hand at any time. Breaker state, calls and bulkhead use are exposed as the usual
 * {@code resilience4j_*} meters (name {@code economic-check}) for the dashboards and the
 * CircuitBreakerOpen alert.
 */
@Component
public class CheckPlatformClient {
    private static final Logger log = LoggerFactory.getLogger(CheckPlatformClient.class);
    private final CheckPlatformProperties properties;
    private final WebClient web;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;

    public CheckPlatformClient(CheckPlatformProperties properties,
                               ObjectProvider<WebClient.Builder> builders,
                               ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        WebClient.Builder builder = builders.getIfAvailable(WebClient::builder);
        this.web = builder.baseUrl(properties.configured() ? properties.baseUrl() : "http://127.0.0.1:1").build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        this.breaker = breakers.circuitBreaker("economic-check", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRatePercent())
                .slidingWindowSize(properties.windowSize())
                .minimumNumberOfCalls(Math.min(properties.windowSize(), 5))
                .waitDurationInOpenState(properties.openFor())
                .build());
        this.timeLimiter = timeLimiters.timeLimiter("economic-check", TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeLimit()).build());
        this.bulkhead = bulkheads.bulkhead("economic-check", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        });
    }

    public boolean configured() {
        return properties.configured();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** The platform's answer for the case's household, or a PENDING check. */
    public Mono<EconomicCheck> check(AssistanceCase c, String clerk, Instant at) {
        Map<String, Object> request = Map.of("caseNumber", c.number(), "regionCode", c.regionCode(),
                "idNumbers", c.memberIds());
        return web.post().uri("/checks").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .retrieve().bodyToMono(PlatformAnswer.class)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .map(a -> new EconomicCheck(EconomicCheck.Status.COMPLETED, "PLATFORM", a.summary(),
                        a.incomeConfirmed(), a.supporterAble(), at, clerk))
                .onErrorResume(e -> {
                    log.info("核对 platform unavailable for {} ({}): check stays pending", c.number(), e.toString());
                    return Mono.just(new EconomicCheck(EconomicCheck.Status.PENDING, "PLATFORM",
                            "核对平台暂不可用, 待核对", false, false, at, clerk));
                });
    }

    /** What the platform answers. */
    public record PlatformAnswer(String summary, boolean incomeConfirmed, boolean supporterAble) {
    }
}
