package cn.minzheng.gateway.tracing;

import io.micrometer.observation.Observation;
import java.util.concurrent.CancellationException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Ends the observation of every try the gateway makes to a service, however the try ends.
 *
 * <p>Spring Cloud Gateway starts one observation per try as it sends the request (its
 * {@code http.client.requests} timer and {@code http.client.requests.active} long-task timer) and
 * stops it when the service's response headers arrive, or when an error reaches the web exception
 * handler. Two endings do neither: a try the time limiter cancels (the answer is the 504 fallback),
 * and a try that fails and is tried again (the retry filter replaces the observation with the next
 * try's). Those observations stayed open: {@code http_client_requests_active} grew by one for every
 * cut-off request and every failed try, for good (spring-cloud-gateway #3609), and the timer never
 * saw the requests that matter most to an operator.
 *
 * <p>Sitting right before the routing filter, this wraps each try: when it completes, fails or is
 * cancelled without the gateway having stopped that try's observation, it stops it — with the error,
 * or with a {@link CancellationException} for a try cut off — and marks it stopped, so the exception
 * handler does not stop it twice.
 */
@Component
public class ClientObservationCloser implements GlobalFilter, Ordered {

    /** The gateway's own "observation stopped" mark (package-private in ObservedResponseHttpHeadersFilter). */
    static final String STOPPED = "gateway.observation.stopped";

    /** Just before the routing filter: inside the retry and circuit-breaker filters, so once per try. */
    public static final int ORDER = NettyRoutingFilter.ORDER - 1;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> {
            exchange.getAttributes().remove(STOPPED);
            Observation previousTry = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR);
            // before the signal travels on (not doFinally): a retry starts the next try as soon as it
            // sees this one's error, and must find this try's observation ended
            return chain.filter(exchange)
                    .doOnSuccess(done -> end(exchange, previousTry, null))
                    .doOnError(failure -> end(exchange, previousTry, failure))
                    .doOnCancel(() -> end(exchange, previousTry,
                            new CancellationException("the try was cut off (time limit, or the client went away)")));
        });
    }

    private static void end(ServerWebExchange exchange, Observation previousTry, Throwable failure) {
        Observation thisTry = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR);
        if (thisTry == null || thisTry == previousTry || exchange.getAttribute(STOPPED) != null) {
            return;
        }
        if (failure != null) {
            thisTry.error(failure);
        }
        thisTry.stop();
        exchange.getAttributes().put(STOPPED, "true");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
