package cn.minzheng.gateway.fallback;

import cn.minzheng.gateway.bodylimit.BodyLimitFilter;
import cn.minzheng.gateway.problem.ProblemKind;
import cn.minzheng.gateway.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where each route's circuit breaker sends a request it could not complete ({@code forward:/fallback/
 * <service>}): 504 when the service did not answer within its time limit, 503 when it is down or its
 * breaker is open. Never a hang, never an empty 500.
 */
@RestController
public class FallbackController {

    private final ProblemResponses problems;
    private final TimeLimits timeLimits;

    public FallbackController(ProblemResponses problems, TimeLimits timeLimits) {
        this.problems = problems;
        this.timeLimits = timeLimits;
    }

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (causedBy(cause, BodyLimitFilter.BodyTooLargeException.class)) {
            return problems.write(exchange, ProblemKind.PAYLOAD_TOO_LARGE,
                    causeOf(cause, BodyLimitFilter.BodyTooLargeException.class).getReason());
        }
        if (causedBy(cause, TimeoutException.class) && !causedBy(cause, CallNotPermittedException.class)) {
            return problems.write(exchange, ProblemKind.GATEWAY_TIMEOUT, service, describe(timeLimits.of(service)));
        }
        return problems.write(exchange, ProblemKind.SERVICE_UNAVAILABLE, service);
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return causeOf(error, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
