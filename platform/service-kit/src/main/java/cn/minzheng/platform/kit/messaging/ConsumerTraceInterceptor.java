package cn.minzheng.platform.kit.messaging;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.kit.observability.RequestIds;
import cn.minzheng.platform.kit.observability.TraceContext;
import cn.minzheng.platform.kit.observability.TraceSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Continues the producer's trace while a record listener runs: the record's {@code ce_traceparent}
 * becomes the thread's {@link TraceContext} (a child span of the producer's), so the listener's
 * log lines carry the same {@code traceId}, and events it writes through the outbox carry the
 * trace on. Cleared after the record.
 *
 * <p>With tracing ({@link TraceSpans}), that child is a real {@code CONSUMER} span
 * ({@code <topic> process}, tags {@code messaging.*}), current while the listener runs (so a
 * {@code WebClient} call from the listener is its child) and ended after the record, marked with the
 * error when the listener failed. A record without a valid {@code ce_traceparent} gets no span.
 *
 * <p>Batch listeners (e.g. the raw-bytes mode) wrap each record themselves:
 * {@code try (var scope = interceptor.openSpanOf(record)) { ... }} (or the span-less static
 * {@link #openTraceOf}).
 */
public class ConsumerTraceInterceptor implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<RecordScope> OPEN = new ThreadLocal<>();

    private final TraceSpans spans;

    /** Without spans: the trace id is carried into logs and events only. */
    public ConsumerTraceInterceptor() {
        this(null);
    }

    public ConsumerTraceInterceptor(TraceSpans spans) {
        this.spans = spans;
    }

    /** Binds the trace of {@code record} (if it carries a valid one) to this thread until the scope closes. */
    public static TraceContext.Scope openTraceOf(ConsumerRecord<?, ?> record) {
        String parent = traceparentOf(record);
        if (parent == null) {
            return () -> { };
        }
        String child = RequestIds.childOf(parent);
        return child == null ? () -> { } : TraceContext.open(child);
    }

    /** Like {@link #openTraceOf}, with a {@code CONSUMER} span when tracing is on; ends it on close. */
    public TraceContext.Scope openSpanOf(ConsumerRecord<?, ?> record) {
        RecordScope scope = open(record);
        return scope::close;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        close();
        OPEN.set(open(record));
        return record;
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        RecordScope scope = OPEN.get();
        if (scope != null && scope.span != null) {
            scope.span.error(exception);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close();
    }

    private RecordScope open(ConsumerRecord<?, ?> record) {
        String parent = traceparentOf(record);
        Span span = spans == null ? null : spans.startChildOf(parent, Span.Kind.CONSUMER, record.topic() + " process")
                .orElse(null);
        if (span == null) {
            return new RecordScope(openTraceOf(record), null, null);
        }
        span.remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.operation", "process")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.destination.partition", String.valueOf(record.partition()))
                .tag("messaging.kafka.message.offset", String.valueOf(record.offset()));
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null) {
            span.tag("cloudevents.event_type", type);
        }
        Tracer.SpanInScope inScope = spans.tracer().withSpan(span);
        String own = TraceSpans.traceparentOf(span.context());
        TraceContext.Scope trace = own != null ? TraceContext.open(own) : openTraceOf(record);
        return new RecordScope(trace, inScope, span);
    }

    private static String traceparentOf(ConsumerRecord<?, ?> record) {
        return header(record, CloudEventHeaders.TRACEPARENT);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void close() {
        RecordScope scope = OPEN.get();
        if (scope != null) {
            OPEN.remove();
            scope.close();
        }
    }

    /** What one record opened: the kit's trace binding, and the span (in scope) when tracing is on. */
    private record RecordScope(TraceContext.Scope trace, Tracer.SpanInScope inScope, Span span) {
        void close() {
            trace.close();
            if (inScope != null) {
                inScope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }
}
