package cn.minzheng.gateway.overload;

import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ConcurrencyLimit}: a bulkhead per service. A request beyond the service's limit of requests in
 * flight ({@link ConcurrencyLimitProperties}) is answered at once with 503 {@code GATEWAY_SERVICE_UNAVAILABLE},
 * {@code Retry-After} and a Chinese detail saying to retry later — it never waits in a queue, never reaches
 * the service, and never counts against the circuit breaker (this filter sits before it). So a busy
 * service keeps answering what it can, and the breaker opens only on errors.
 *
 * <pre>
 * - name: ConcurrencyLimit
 *   args: {name: assistance-service}
 * </pre>
 * Routes naming the same service share its limit.
 */
@Component
public class ConcurrencyLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ConcurrencyLimitGatewayFilterFactory.Config> {

    private final ConcurrencyLimitProperties properties;
    private final ProblemResponses problems;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, InFlightLimit> limits = new ConcurrentHashMap<>();

    public ConcurrencyLimitGatewayFilterFactory(ConcurrencyLimitProperties properties, ProblemResponses problems,
                                                MeterRegistry meters) {
        super(Config.class);
        this.properties = properties;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public GatewayFilter apply(Config config) {
        String service = config.getName();
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("ConcurrencyLimit needs args.name: the service whose requests it counts");
        }
        if (!properties.enabled()) {
            return (exchange, chain) -> chain.filter(exchange);
        }
        InFlightLimit limit = limitOf(service);
        Counter refused = Counter.builder("gateway.concurrency.refused").tag("service", service)
                .description("Requests refused because the service had its limit of requests in flight").register(meters);
        long retryAfter = properties.retryAfterSeconds();
        return new GatewayFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                if (!limit.tryAcquire()) {
                    refused.increment();
                    return refuse(exchange, service, retryAfter);
                }
                return chain.filter(exchange).doFinally(signal -> limit.release());
            }

            @Override
            public String toString() {
                return "ConcurrencyLimit[" + service + " ≤ " + limit.max() + "]";
            }
        };
    }

    /** The limit of one service, shared by every route naming it. */
    InFlightLimit limitOf(String service) {
        return limits.computeIfAbsent(service, name -> {
            InFlightLimit limit = new InFlightLimit(properties.limitOf(name));
            Gauge.builder("gateway.concurrency.in.flight", limit, InFlightLimit::inFlight).tag("service", name)
                    .description("Requests in flight to the service through this gateway").register(meters);
            return limit;
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String service, long retryAfter) {
        boolean english = ProblemResponses.language(exchange) == ProblemKind.Language.EN;
        return problems.writeDetail(exchange, ProblemKind.SERVICE_UNAVAILABLE,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)),
                english ? "The service " + service + " has too many requests right now; retry after " + retryAfter + " s"
                        : "服务 " + service + " 当前请求过多，请在 " + retryAfter + " 秒后重试");
    }

    public static class Config {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
