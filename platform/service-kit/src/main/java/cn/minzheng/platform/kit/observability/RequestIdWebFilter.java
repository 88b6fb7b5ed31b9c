package cn.minzheng.platform.kit.observability;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every exchange: fixes the trace id (from {@code traceparent} or new) and the
 * request id (a valid incoming {@code X-Request-Id} or the trace id), puts both in exchange
 * attributes and the Reactor context, and sets {@code X-Request-Id} on the response before
 * anything else can fail, so error responses carry it too.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACE_ID_ATTRIBUTE = RequestIdWebFilter.class.getName() + ".traceId";
    public static final String REQUEST_ID_ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";
    public static final String TRACEPARENT_ATTRIBUTE = RequestIdWebFilter.class.getName() + ".traceparent";
    /** Reactor context key holding the trace id. */
    public static final String TRACE_ID_CONTEXT_KEY = "minzheng.traceId";
    /** Reactor context key holding the W3C traceparent to propagate into events. */
    public static final String TRACEPARENT_CONTEXT_KEY = "minzheng.traceparent";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        String incomingTraceparent = headers.getFirst("traceparent");
        String traceId = RequestIds.traceIdFromTraceparent(incomingTraceparent);
        // this service's span: the server span of http.server.requests when tracing made one in the
        // caller's trace (so logs, events and exported spans name the same span), else a child id of ours
        String serverSpan = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(TraceSpans::traceparentOf).orElse(null);
        String serverTraceId = RequestIds.traceIdFromTraceparent(serverSpan);
        String traceparent;
        if (serverTraceId != null && (traceId == null || traceId.equals(serverTraceId))) {
            traceId = serverTraceId;
            traceparent = serverSpan;
        } else if (traceId != null) {
            traceparent = RequestIds.childOf(incomingTraceparent);
        } else {
            traceId = RequestIds.newTraceId();
            traceparent = RequestIds.traceparentFor(traceId);
        }
        String incoming = headers.getFirst(REQUEST_ID_HEADER);
        String requestId = RequestIds.isSafeRequestId(incoming) ? incoming : traceId;
        exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getAttributes().put(TRACEPARENT_ATTRIBUTE, traceparent);
        exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
        String finalTraceId = traceId;
        String finalTraceparent = traceparent;
        return chain.filter(exchange)
                .contextWrite(ctx -> ctx.put(TRACE_ID_CONTEXT_KEY, finalTraceId)
                        .put(TRACEPARENT_CONTEXT_KEY, finalTraceparent));
    }

    /** The trace id of an exchange (a new one if the filter did not run, e.g. in a bare slice). */
    public static String traceId(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(TRACE_ID_ATTRIBUTE);
        if (id == null) {
            id = RequestIds.newTraceId();
            exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, id);
        }
        return id.toString();
    }

    /** Runs {@code action} with the trace id in the logging MDC (for log lines from this thread). */
    public static void withTraceId(String traceId, Runnable action) {
        try (var ignored = MDC.putCloseable(TraceContext.TRACE_ID_MDC_KEY, traceId)) {
            action.run();
        }
    }
}
