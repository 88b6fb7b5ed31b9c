package cn.minzheng.platform.kit.problem.web;

import cn.minzheng.platform.kit.problem.ProblemException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Told about every problem response {@link ProblemWriter} is about to write (declare a bean). Runs in
 * the request's reactive chain, so it can read the security context; must be quick and must not
 * fail: an error is logged and the problem is written anyway.
 */
@FunctionalInterface
public interface ProblemObserver {

    Mono<Void> writing(ServerWebExchange exchange, ProblemException problem);
}
