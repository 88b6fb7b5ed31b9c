package cn.minzheng.gateway.tracing;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers every request with {@code X-Request-Id}: the W3C trace id of the request (continued from a
 * client {@code traceparent}, else new), so a citizen's complaint can be matched to the trace across
 * services. Falls back to a random id when tracing is off.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // problems written after a forward to a fallback must still name the path the client asked for
        cn.minzheng.gateway.problem.ProblemResponses.rememberOriginalPath(exchange);
        exchange.getResponse().beforeCommit(() -> {
            if (!exchange.getResponse().getHeaders().containsHeader(HEADER)) {
                exchange.getResponse().getHeaders().set(HEADER, requestId(exchange));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The id this exchange's answer carries (the same before and after the header is written). */
    public static String requestId(ServerWebExchange exchange) {
        return CurrentTrace.of(exchange)
                .map(context -> context.traceId())
                .orElseGet(() -> exchange.getAttributes()
                        .computeIfAbsent(HEADER, key -> UUID.randomUUID().toString().replace("-", ""))
                        .toString());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
