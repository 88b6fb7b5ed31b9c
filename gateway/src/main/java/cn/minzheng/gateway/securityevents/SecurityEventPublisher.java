package cn.minzheng.gateway.securityevents;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Sends security events to {@code gateway.security-events} without ever holding up a response:
 * {@link #publish} only offers to a bounded buffer; one relay thread drains it into the Kafka
 * producer. When Kafka is down the producer blocks the relay (at most {@code max.block.ms}), the
 * buffer fills and further events are dropped and counted ({@code gateway.security.events}
 * {@code outcome=dropped}). Answers to clients never change.
 */
public class SecurityEventPublisher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final SecurityEventMapping mapping;
    private final BlockingQueue<EventEnvelope> buffer;
    private final Counter dropped;
    private final Counter sent;
    private final Counter failed;
    private volatile boolean running;
    private Thread relay;

    public SecurityEventPublisher(Producer<String, byte[]> producer, int bufferCapacity, MeterRegistry meters, Clock clock) {
        this.producer = producer;
        this.mapping = new SecurityEventMapping(clock);
        this.buffer = new ArrayBlockingQueue<>(bufferCapacity);
        this.dropped = counter(meters, "dropped");
        this.sent = counter(meters, "sent");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("gateway.security.events")
                .description("Security events (401/403/429) offered to Kafka, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Non-blocking: queues the event, or drops and counts it when the buffer is full. */
    public void publish(SecurityDenial denial) {
        EventEnvelope event;
        try {
            event = mapping.toEnvelope(denial);
        } catch (IllegalArgumentException e) {
            log.warn("Security event not built: {}", e.getMessage());
            dropped.increment();
            return;
        }
        if (!buffer.offer(event)) {
            dropped.increment();
        }
    }

    private void relay() {
        while (running || !buffer.isEmpty()) {
            EventEnvelope event;
            try {
                event = buffer.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == null) {
                continue;
            }
            send(KafkaCloudEvents.toRecord(Topics.GATEWAY_SECURITY_EVENTS, event));
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.increment();
                } else {
                    failed.increment();
                    log.debug("Security event not delivered: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            // metadata not available within max.block.ms (Kafka down): the event is lost, counted
            failed.increment();
            log.debug("Security event not sent: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        relay = new Thread(this::relay, "security-events-relay");
        relay.setDaemon(true);
        relay.start();
    }

    /**
     * Stops the relay after it has handed what is queued to the producer. The producer stays open:
     * a stopped lifecycle may be started again (Spring's test context cache pauses an idle context
     * and restarts it); it is closed with the bean ({@link #destroy}).
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (relay != null) {
            try {
                relay.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            relay.interrupt();
            relay = null;
        }
    }

    @Override
    public synchronized void destroy() {
        stop();
        producer.close(Duration.ofSeconds(1));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
