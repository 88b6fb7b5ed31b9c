package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.observability.RequestIdWebFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Replaces Boot's default error handler: every exception that reaches the WebFlux error
 * handling becomes an RFC 9457 problem. Unexpected exceptions are logged with the trace id and
 * answered with a generic 500 that reveals nothing.
 */
public class ProblemExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    public ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        var translated = WebExceptionTranslation.translate(ex, writer.messages());
        String traceId = RequestIdWebFilter.traceId(exchange);
        var request = exchange.getRequest();
        if (translated.unexpected() || translated.problem().status() >= 500) {
            RequestIdWebFilter.withTraceId(traceId, () -> log.error("{} {} failed (traceId={})",
                    request.getMethod(), request.getPath(), traceId, ex));
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} → {} {} (traceId={}): {}", request.getMethod(), request.getPath(),
                    translated.problem().status(), translated.problem().code(), traceId, ex.toString());
        }
        return writer.write(exchange, translated.problem(), translated.headers());
    }
}
