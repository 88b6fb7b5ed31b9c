package cn.minzheng.gateway.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** The trace of the request being handled, read from the server observation Micrometer started. */
public final class CurrentTrace {

    private CurrentTrace() {
    }

    public static Optional<TraceContext> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context.get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> tracing.getSpan())
                .map(span -> span.context())
                .filter(context -> context.traceId() != null && !context.traceId().isBlank());
    }

    /** W3C {@code traceparent} of the request's server span, or {@code null} without tracing. */
    public static String traceparent(ServerWebExchange exchange) {
        return of(exchange)
                .map(c -> "00-" + c.traceId() + "-" + c.spanId() + (Boolean.TRUE.equals(c.sampled()) ? "-01" : "-00"))
                .orElse(null);
    }
}
