package cn.minzheng.platform.kit.observability;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** The current request's W3C {@code traceparent}, for events written on the request path. */
public final class TraceContext {

    private TraceContext() {
    }

    /** The traceparent of the request being handled; empty outside a request. */
    public static Mono<Optional<String>> traceparent() {
        return Mono.deferContextual(ctx -> Mono.just(ctx.<String>getOrEmpty(RequestIdWebFilter.TRACEPARENT_CONTEXT_KEY)));
    }
}
