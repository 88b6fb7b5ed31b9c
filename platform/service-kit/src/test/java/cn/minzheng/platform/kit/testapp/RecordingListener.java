package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.events.EventEnvelope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A consumer with the kit's defaults: receives envelopes; a "reject" reason makes processing fail. */
@Component
public class RecordingListener {

    public static final String TOPIC = "kit.test.inbox";
    public static final List<EventEnvelope> RECEIVED = new CopyOnWriteArrayList<>();
    public static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = TOPIC)
    void on(EventEnvelope event) {
        ATTEMPTS.add(event.id());
        if ("reject".equals(event.data().path("reason").asString(null))) {
            throw new IllegalStateException("cannot process " + event.id());
        }
        RECEIVED.add(event);
    }
}
