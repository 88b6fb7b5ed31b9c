package cn.minzheng.gateway.problem;

import cn.minzheng.gateway.tracing.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
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

    /** What a 503 names when the tokens cannot be verified (the key set of the identity provider). */
    static final String IDENTITY_PROVIDER = "identity-provider";

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
        if (causedBy(error, AuthenticationServiceException.class)) {
            // the token could not be checked at all (the identity provider's key set did not answer in
            // time): not the client's fault and not a gateway bug — busy, try again
            log.warn("Cannot verify tokens on {} {}: {}", exchange.getRequest().getMethod(), path, error.toString());
            return problems.write(exchange, ProblemKind.SERVICE_UNAVAILABLE,
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, "5"), IDENTITY_PROVIDER);
        }
        // the response header is set only when the answer commits: name the same id now
        String requestId = RequestIdFilter.requestId(exchange);
        log.error("Unhandled error on {} {} (request {})", exchange.getRequest().getMethod(), path, requestId, error);
        return problems.write(exchange, ProblemKind.INTERNAL, requestId);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
