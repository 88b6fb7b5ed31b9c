package cn.minzheng.gateway.securityevents;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import io.micrometer.core.instrument.Gauge;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
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
 * {@link #publish} only records or queues; one relay thread drains into the Kafka producer.
 * <ul>
 * <li>403 (a caller with a valid token denied a route) is one event per denial, in its own buffer,
 * which the relay always empties first.</li>
 * <li>401 and 429 are folded per client and window ({@link DenialWindows}): one event per client,
 * kind and minute, sent when the window ends, into a second buffer. A flood of bad tokens therefore
 * costs a bounded number of events, and can never crowd a 403 out.</li>
 * </ul>
 * When Kafka is down the producer blocks the relay (at most {@code max.block.ms}), the buffers fill
 * and further events are dropped and counted ({@code gateway.security.events} {@code outcome=dropped}).
 * Answers to clients never change.
 */
public class SecurityEventPublisher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final SecurityEventMapping mapping;
    private final Clock clock;
    private final DenialWindows windows;
    private final BlockingQueue<EventEnvelope> denials;
    private final BlockingQueue<EventEnvelope> summaries;
    private final Semaphore queued = new Semaphore(0);
    private final Counter dropped;
    private final Counter sent;
    private final Counter failed;
    private final java.util.Map<SecurityDenial.Kind, Counter> denied = new java.util.EnumMap<>(SecurityDenial.Kind.class);
    private volatile boolean running;
    private Thread relay;

    /**
     * @param bufferCapacity 403 events held while Kafka is slow or down
     * @param summaryCapacity window summaries (401/429) held while Kafka is slow or down
     * @param windows how 401/429 are folded
     */
    public SecurityEventPublisher(Producer<String, byte[]> producer, int bufferCapacity, int summaryCapacity,
                                  DenialWindows windows, MeterRegistry meters, Clock clock) {
        this.producer = producer;
        this.mapping = new SecurityEventMapping(clock);
        this.clock = clock;
        this.windows = windows;
        this.denials = new ArrayBlockingQueue<>(bufferCapacity);
        this.summaries = new ArrayBlockingQueue<>(summaryCapacity);
        for (SecurityDenial.Kind kind : SecurityDenial.Kind.values()) {
            denied.put(kind, Counter.builder("gateway.security.denials")
                    .description("Requests denied for a security reason, each counted (events fold 401/429 per client and window)")
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters));
        }
        this.dropped = counter(meters, "dropped");
        this.sent = counter(meters, "sent");
        this.failed = counter(meters, "failed");
        Gauge.builder("gateway.security.denials.open.windows", windows, DenialWindows::openWindows)
                .description("Clients whose 401/429 of the current window are being counted")
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("gateway.security.events")
                .description("Security events (401/403/429) offered to Kafka, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Non-blocking: a 403 is queued (or dropped and counted when its buffer is full); a 401/429 is counted in its window. */
    public void publish(SecurityDenial denial) {
        denied.get(denial.kind()).increment();
        if (denial.kind() != SecurityDenial.Kind.FORBIDDEN) {
            enqueueSummaries(windows.record(denial, clock.instant()));
            return;
        }
        EventEnvelope event = build(() -> mapping.toEnvelope(denial));
        if (event != null) {
            offer(denials, event);
        }
    }

    private void enqueueSummaries(List<DenialSummary> closed) {
        for (DenialSummary summary : closed) {
            EventEnvelope event = build(() -> mapping.toEnvelope(summary));
            if (event != null) {
                offer(summaries, event);
            }
        }
    }

    private EventEnvelope build(Supplier<EventEnvelope> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            log.warn("Security event not built: {}", e.getMessage());
            dropped.increment();
            return null;
        }
    }

    private void offer(BlockingQueue<EventEnvelope> buffer, EventEnvelope event) {
        if (buffer.offer(event)) {
            queued.release();
        } else {
            dropped.increment();
        }
    }

    private void relay() {
        while (running || !denials.isEmpty() || !summaries.isEmpty()) {
            if (running) {
                enqueueSummaries(windows.closeDue(clock.instant()));
            }
            EventEnvelope event = denials.poll();
            if (event == null) {
                event = summaries.poll();
            }
            if (event == null) {
                try {
                    // wakes for a queued event, else checks for ended windows five times a second
                    queued.tryAcquire(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
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
        // the windows still open are sent as they stand: a stopped gateway must not swallow them
        enqueueSummaries(windows.closeAll());
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
