package cn.minzheng.gateway.problem;

import cn.minzheng.gateway.tracing.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns anything that escapes the filters (no route, bad input, a bug) into a problem answer, never
 * a stack trace. Runs before Boot's default error handler.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        if (error instanceof MethodNotAllowedException) {
            return problems.write(exchange, ProblemKind.METHOD_NOT_ALLOWED, exchange.getRequest().getMethod().name());
        }
        if (error instanceof ServerWebInputException input) {
            return problems.write(exchange, ProblemKind.BAD_REQUEST, input.getReason());
        }
        if (error instanceof ResponseStatusException status) {
            // compare numbers: Spring 7 has two constants for 413 (CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE)
            int code = status.getStatusCode().value();
            if (code == 404) {
                return problems.write(exchange, ProblemKind.NOT_FOUND, path);
            }
            if (code == 413) {
                return problems.write(exchange, ProblemKind.PAYLOAD_TOO_LARGE, status.getReason());
            }
            if (code == 503) {
                return problems.write(exchange, ProblemKind.SERVICE_UNAVAILABLE, status.getReason());
            }
            if (status.getStatusCode().is4xxClientError()) {
                return problems.write(exchange, ProblemKind.BAD_REQUEST, status.getReason());
            }
        }
        String requestId = exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER);
        log.error("Unhandled error on {} {} (request {})", exchange.getRequest().getMethod(), path, requestId, error);
        return problems.write(exchange, ProblemKind.INTERNAL, requestId);
    }
}
