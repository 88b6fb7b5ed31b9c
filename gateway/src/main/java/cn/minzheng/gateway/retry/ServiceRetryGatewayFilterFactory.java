package cn.minzheng.gateway.retry;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ServiceRetry}: sends a request again, to an instance it has not tried, when {@link RetryRule}
 * allows — any method whose connection was never established, the idempotent methods also after an
 * I/O failure or a 502/503 answer. Spring Cloud Gateway's own {@code Retry} filter applies one method
 * list to every cause, so it cannot retry a POST on "connection refused" without also retrying it on a
 * dropped connection or a 5xx; two {@code Retry} filters on one route share their attempt counter.
 *
 * <p>Sits inside the route's {@code CircuitBreaker}, so the time limit bounds all tries together,
 * and outside the response writer, so a retried answer is never half-sent. The request body is cached
 * for the route (as {@code Retry} does) so a retry sends it again.
 *
 * <pre>
 * - name: ServiceRetry
 *   args: {retries: 2, methods: GET, statuses: BAD_GATEWAY,SERVICE_UNAVAILABLE, firstBackoff: 50ms, maxBackoff: 400ms}
 * </pre>
 */
@Component
public class ServiceRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<ServiceRetryGatewayFilterFactory.Config> {

    private final MeterRegistry meters;

    public ServiceRetryGatewayFilterFactory(MeterRegistry meters) {
        super(Config.class);
        this.meters = meters;
    }

    @Override
    public GatewayFilter apply(Config config) {
        config.validate();
        enableBodyCaching(config.getRouteId());
        RetryRule rule = new RetryRule(
                config.getMethods().stream().map(HttpMethod::name).collect(Collectors.toSet()),
                config.getStatuses().stream().map(HttpStatus::value).collect(Collectors.toSet()));
        String route = config.getRouteId() == null ? "" : config.getRouteId();
        return new GatewayFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                return attempt(exchange, chain, 0);
            }

            private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retried) {
                String method = exchange.getRequest().getMethod().name();
                return chain.filter(exchange)
                        .then(Mono.fromCallable(() -> {
                            HttpStatusCode status = exchange.getResponse().getStatusCode();
                            return status == null ? Decision.DONE : Decision.of(rule.afterAnswer(method, status.value()));
                        }))
                        .onErrorResume(failure -> {
                            RetryRule.Reason reason = rule.afterFailure(method, failure);
                            return reason != null && retried < config.getRetries()
                                    ? Mono.just(Decision.of(reason)) : Mono.error(failure);
                        })
                        .flatMap(decision -> {
                            if (decision.reason == null || retried >= config.getRetries()) {
                                return Mono.<Void>empty();
                            }
                            prepareNextTry(exchange, decision.reason);
                            Duration wait = config.waitBefore(retried + 1, decision.reason);
                            Mono<Void> next = attempt(exchange, chain, retried + 1);
                            return wait.isZero() ? next : Mono.delay(wait).then(next);
                        });
            }

            private void prepareNextTry(ServerWebExchange exchange, RetryRule.Reason reason) {
                URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
                TriedInstances.record(exchange.getAttributes(), target);
                // drops the previous try's upstream connection, response headers and "already routed" mark
                ServerWebExchangeUtils.reset(exchange);
                meters.counter("gateway.retries", "routeId", route, "reason", reason.tag()).increment();
            }

            @Override
            public String toString() {
                return "ServiceRetry[route=" + route + ", retries=" + config.getRetries() + ", methods="
                        + config.getMethods() + ", statuses=" + config.getStatuses() + "]";
            }
        };
    }

    /** The outcome of one try: try again for {@code reason}, or done ({@code reason == null}). */
    private record Decision(RetryRule.Reason reason) {
        static final Decision DONE = new Decision(null);

        static Decision of(RetryRule.Reason reason) {
            return reason == null ? DONE : new Decision(reason);
        }
    }

    /** The filter's arguments, bound from the route's YAML. */
    public static class Config implements HasRouteId {

        private String routeId;
        private int retries = 2;
        private List<HttpMethod> methods = List.of(HttpMethod.GET);
        private List<HttpStatus> statuses = List.of(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE);
        private Duration firstBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofMillis(400);
        private int factor = 2;

        void validate() {
            if (retries < 0 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || factor < 1) {
                throw new IllegalArgumentException("ServiceRetry needs retries >= 0, factor >= 1 and "
                        + "0 <= firstBackoff <= maxBackoff; got " + this);
            }
        }

        /**
         * Wait before retry number {@code n} (1-based): none for the first retry after a connection that
         * was never established (it goes to another instance, which has no reason to be busy; a refused
         * connection costs no time, so waiting would only add latency to every call the dead instance
         * draws), else {@link #backoff}.
         */
        Duration waitBefore(int n, RetryRule.Reason reason) {
            return n == 1 && reason == RetryRule.Reason.NOT_CONNECTED ? Duration.ZERO : backoff(n);
        }

        /** firstBackoff × factor^(n-1), at most maxBackoff. */
        Duration backoff(int n) {
            Duration wait = firstBackoff;
            for (int i = 1; i < n && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(factor);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public List<HttpMethod> getMethods() {
            return methods;
        }

        public void setMethods(List<HttpMethod> methods) {
            this.methods = List.copyOf(methods);
        }

        public List<HttpStatus> getStatuses() {
            return statuses;
        }

        public void setStatuses(List<HttpStatus> statuses) {
            this.statuses = List.copyOf(statuses);
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getFactor() {
            return factor;
        }

        public void setFactor(int factor) {
            this.factor = factor;
        }

        @Override
        public String toString() {
            return "retries=" + retries + ", methods=" + methods + ", statuses=" + statuses + ", firstBackoff="
                    + firstBackoff + ", maxBackoff=" + maxBackoff + ", factor=" + factor;
        }
    }
}
