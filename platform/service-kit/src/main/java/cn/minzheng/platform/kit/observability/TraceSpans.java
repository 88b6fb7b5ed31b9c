package cn.minzheng.platform.kit.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's spans (Micrometer Tracing, OpenTelemetry underneath): children of a W3C
 * {@code traceparent} the kit carries (an event's {@code ce_traceparent}, the request's), and the
 * {@code traceparent} of a span. Spans are exported only when an exporter is configured
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}); sampled by
 * {@code management.tracing.sampling.probability}.
 */
public final class TraceSpans {

    private static final String HEADER = "traceparent";
    private static final Propagator.Getter<Map<String, String>> MAP_GETTER = Map::get;

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public Tracer tracer() {
        return tracer;
    }

    /**
     * A started span of {@code kind} named {@code name} whose parent is the (remote) span of
     * {@code traceparent}, so it lies in that trace; empty when {@code traceparent} is missing or
     * malformed (no new trace is made up for work that had none).
     */
    public Optional<Span> startChildOf(String traceparent, Span.Kind kind, String name) {
        if (RequestIds.traceIdFromTraceparent(traceparent) == null) {
            return Optional.empty();
        }
        Span span = propagator.extract(Map.of(HEADER, traceparent.trim()), MAP_GETTER)
                .kind(kind)
                .name(name)
                .start();
        return Optional.of(span);
    }

    /** {@code 00-<trace id>-<span id>-<01 sampled | 00>} of a span, or null when its ids are not valid W3C ids. */
    public static String traceparentOf(TraceContext context) {
        if (context == null || context.traceId() == null || context.spanId() == null
                || context.traceId().length() != 32 || context.spanId().length() != 16) {
            return null;
        }
        String value = "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        return RequestIds.traceIdFromTraceparent(value) == null || "0".repeat(16).equals(context.spanId())
                ? null : value;
    }

    /** The traceparent of the span an observation (e.g. the server's {@code http.server.requests}) works in. */
    public static String traceparentOf(Observation.ContextView observation) {
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span == null ? null : traceparentOf(span.context());
    }
}
