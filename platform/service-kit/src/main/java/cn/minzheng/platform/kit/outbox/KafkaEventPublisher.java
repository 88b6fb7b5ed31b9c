package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.observability.TraceSpans;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The outbox's Kafka producer: idempotent, {@code acks=all}, short timeouts so a dead broker shows
 * as a failed publish within seconds instead of a hung relay. {@code send} may block on metadata,
 * so it runs on the bounded-elastic scheduler, never on an event-loop thread.
 */
public class KafkaEventPublisher implements EventPublisher, AutoCloseable {

    private final Map<String, Object> properties;
    private final TraceSpans spans;
    private Producer<String, byte[]> producer;

    /** The producer is created on the first publish, so a service without outbox collections never opens one. */
    public KafkaEventPublisher(Map<String, Object> baseProperties, Duration deliveryTimeout) {
        this(baseProperties, deliveryTimeout, null);
    }

    /**
     * With {@code spans}, each publish of an event that carries a {@code traceparent} is a
     * {@code PRODUCER} span ({@code <topic> publish}) in that trace, from the send to the broker's
     * acknowledgement. The record's {@code ce_traceparent} stays the event's own.
     */
    public KafkaEventPublisher(Map<String, Object> baseProperties, Duration deliveryTimeout, TraceSpans spans) {
        this.properties = producerProperties(baseProperties, deliveryTimeout);
        this.spans = spans;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    static Map<String, Object> producerProperties(Map<String, Object> base, Duration deliveryTimeout) {
        var props = new HashMap<String, Object>(base);
        long delivery = deliveryTimeout.toMillis();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, delivery / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, delivery / 2));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return props;
    }

    @Override
    public Mono<Void> publish(String topic, String key, EventEnvelope event) {
        if (spans == null) {
            return send(topic, key, event);
        }
        return Mono.defer(() -> {
            Span span = spans.startChildOf(event.traceparent(), Span.Kind.PRODUCER, topic + " publish").orElse(null);
            if (span == null) {
                return send(topic, key, event);
            }
            span.remoteServiceName("kafka")
                    .tag("messaging.system", "kafka")
                    .tag("messaging.operation", "publish")
                    .tag("messaging.destination.name", topic)
                    .tag("messaging.message.id", event.id().toString())
                    .tag("cloudevents.event_type", event.type());
            return send(topic, key, event)
                    .doOnError(span::error)
                    .doFinally(signal -> span.end());
        });
    }

    private Mono<Void> send(String topic, String key, EventEnvelope event) {
        return Mono.<Void>create(sink -> {
            ProducerRecord<String, byte[]> base = KafkaCloudEvents.toRecord(topic, event);
            var record = new ProducerRecord<>(topic, null, key, base.value(), base.headers());
            try {
                producer().send(record, (metadata, error) -> {
                    if (error != null) {
                        sink.error(error);
                    } else {
                        sink.success();
                    }
                });
            } catch (RuntimeException sendFailed) {
                sink.error(sendFailed);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
