package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.observability.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A consumer with the kit's defaults: receives envelopes; a "reject" reason makes processing fail. */
@Component
public class RecordingListener {

    public static final String TOPIC = "kit.test.inbox";
    public static final List<EventEnvelope> RECEIVED = new CopyOnWriteArrayList<>();
    public static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
    /** Event id → the trace id and span id in the logging MDC while the listener ran. */
    public static final Map<String, String> TRACE_IN_MDC = new ConcurrentHashMap<>();

    @KafkaListener(topics = TOPIC)
    void on(EventEnvelope event) {
        ATTEMPTS.add(event.id());
        TRACE_IN_MDC.put(event.id(), MDC.get("traceId") + "/" + MDC.get("spanId") + "/"
                + TraceContext.current().orElse("none"));
        if ("reject".equals(event.data().path("reason").asString(null))) {
            throw new IllegalStateException("cannot process " + event.id());
        }
        RECEIVED.add(event);
    }
}
