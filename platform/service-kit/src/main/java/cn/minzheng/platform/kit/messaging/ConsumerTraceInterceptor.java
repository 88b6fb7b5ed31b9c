package cn.minzheng.platform.kit.messaging;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.kit.observability.RequestIds;
import cn.minzheng.platform.kit.observability.TraceContext;
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
 * <p>Batch listeners (e.g. the raw-bytes mode) wrap each record themselves:
 * {@code try (var scope = ConsumerTraceInterceptor.openTraceOf(record)) { ... }}.
 */
public class ConsumerTraceInterceptor implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<TraceContext.Scope> OPEN = new ThreadLocal<>();

    /** Binds the trace of {@code record} (if it carries a valid one) to this thread until the scope closes. */
    public static TraceContext.Scope openTraceOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TRACEPARENT);
        if (header == null || header.value() == null) {
            return () -> { };
        }
        String child = RequestIds.childOf(new String(header.value(), StandardCharsets.UTF_8));
        return child == null ? () -> { } : TraceContext.open(child);
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        close();
        OPEN.set(openTraceOf(record));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close();
    }

    private static void close() {
        TraceContext.Scope scope = OPEN.get();
        if (scope != null) {
            OPEN.remove();
            scope.close();
        }
    }
}
