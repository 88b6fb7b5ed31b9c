package cn.minzheng.platform.kit.observability;

import io.micrometer.context.ContextRegistry;
import java.util.Optional;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * The W3C {@code traceparent} of the work in progress: the request being handled (set by
 * {@link RequestIdWebFilter}) or the Kafka record being consumed (set by the kit's record
 * interceptor from {@code ce_traceparent}). Events written meanwhile carry it, so a consumer's
 * logs and events continue the producer's trace.
 *
 * <p>It lives in the Reactor context (keys {@link RequestIdWebFilter#TRACE_ID_CONTEXT_KEY},
 * {@link RequestIdWebFilter#TRACEPARENT_CONTEXT_KEY}) and, through Reactor's automatic context
 * propagation, in thread locals and the logging MDC ({@code traceId}, {@code spanId}) on whatever
 * thread the work continues.
 */
public final class TraceContext {

    /** MDC key of the trace id (32 hex). */
    public static final String TRACE_ID_MDC_KEY = "traceId";
    /** MDC key of this service's span id (16 hex) within the trace. */
    public static final String SPAN_ID_MDC_KEY = "spanId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry registry = ContextRegistry.getInstance();
        registry.registerThreadLocalAccessor(RequestIdWebFilter.TRACE_ID_CONTEXT_KEY,
                () -> MDC.get(TRACE_ID_MDC_KEY),
                value -> MDC.put(TRACE_ID_MDC_KEY, value),
                () -> MDC.remove(TRACE_ID_MDC_KEY));
        registry.registerThreadLocalAccessor(RequestIdWebFilter.TRACEPARENT_CONTEXT_KEY,
                CURRENT::get, TraceContext::bind, TraceContext::unbind);
    }

    private TraceContext() {
    }

    /** Makes sure the thread-local accessors are registered (idempotent; class initialization does it). */
    public static void registerThreadLocals() {
        // the static initializer above has run by now
    }

    /** The traceparent of the request being handled; empty outside a request. */
    public static Mono<Optional<String>> traceparent() {
        return Mono.deferContextual(ctx -> Mono.just(ctx.<String>getOrEmpty(RequestIdWebFilter.TRACEPARENT_CONTEXT_KEY)
                .or(TraceContext::current)));
    }

    /**
     * The traceparent bound to the current thread (a request's operator restored by context
     * propagation, or a Kafka listener thread); empty when none.
     */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Binds {@code traceparent} to this thread and puts its trace id and span id in the MDC; returns
     * a scope that restores the previous state. A malformed value binds nothing.
     */
    public static Scope open(String traceparent) {
        String previous = CURRENT.get();
        String previousTraceId = MDC.get(TRACE_ID_MDC_KEY);
        String traceId = RequestIds.traceIdFromTraceparent(traceparent);
        if (traceId != null) {
            bind(traceparent.trim());
            MDC.put(TRACE_ID_MDC_KEY, traceId);
        }
        return () -> {
            if (previous == null) {
                unbind();
            } else {
                bind(previous);
            }
            if (previousTraceId == null) {
                MDC.remove(TRACE_ID_MDC_KEY);
            } else {
                MDC.put(TRACE_ID_MDC_KEY, previousTraceId);
            }
        };
    }

    private static void bind(String traceparent) {
        CURRENT.set(traceparent);
        String spanId = RequestIds.spanIdFromTraceparent(traceparent);
        if (spanId != null) {
            MDC.put(SPAN_ID_MDC_KEY, spanId);
        }
    }

    private static void unbind() {
        CURRENT.remove();
        MDC.remove(SPAN_ID_MDC_KEY);
    }

    /** Ends what {@link #open} started. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
