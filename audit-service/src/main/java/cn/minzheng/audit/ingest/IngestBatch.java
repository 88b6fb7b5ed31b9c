package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.EventTimeRange;
import cn.minzheng.audit.chain.EventTimeWindow;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.platform.kit.messaging.ConsumerTraceInterceptor;
import cn.minzheng.platform.kit.messaging.RawDeadLetters;
import cn.minzheng.platform.kit.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polled batch: poison to the dead letters (the kit's {@link RawDeadLetters}: exact bytes,
 * reason headers, {@code kafka.dead.letters} counter), the rest grouped by chain (topic partition)
 * in offset order and appended. Each record is decoded inside its producer's trace
 * ({@code ce_traceparent}): a {@code CONSUMER} span ({@code <topic> process}, a child of the
 * producer's span) when tracing is on, so the trace from the gateway shows audit-service taking the
 * event in, and the log lines about it carry that trace id; the stored record keeps the trace id.
 * The span covers decoding (and dead-lettering), not the batched store that follows for the whole
 * poll.
 *
 * <p>Two stages of poison, both dead-lettered with the reason and counted in
 * {@code audit.ingest.dead.letters{topic, stage, reason}}: {@code decode} — not a well-formed event
 * (logged at WARN, as the producer's fault is visible in the record itself); {@code store} — a
 * well-formed event the trail cannot hold (logged at ERROR: evidence that is not in the trail). A
 * store-stage refusal is found before the store where the cause is checkable (the event time:
 * outside the window around the ingest moment, {@link EventTimeWindow}, reason
 * {@code event-time-window}; outside what a record can hold, {@link EventTimeRange}, reason
 * {@code event-time}), otherwise by the appender's isolation of a refused batch
 * ({@link ChainAppender}). Any other storage failure propagates, so the batch is retried and no
 * offset is committed for unstored events; each such failure is logged at ERROR and counted in
 * {@code audit.ingest.store.failures}.
 */
public class IngestBatch {

    private static final Logger log = LoggerFactory.getLogger(IngestBatch.class);
    static final String DEAD_LETTERS = "audit.ingest.dead.letters";
    static final String STORE_FAILURES = "audit.ingest.store.failures";

    private final ChainAppender appender;
    private final RawDeadLetters deadLetters;
    private final ConsumerTraceInterceptor traces;
    private final EventTimeRange eventTimes;
    private final EventTimeWindow eventTimeWindow;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter poison;
    private final Counter storeFailures;

    public IngestBatch(ChainAppender appender, RawDeadLetters deadLetters, ConsumerTraceInterceptor traces,
            MeterRegistry meters) {
        this(appender, deadLetters, traces, EventTimeRange.DEFAULT, EventTimeWindow.DEFAULT, Clock.systemUTC(), meters);
    }

    public IngestBatch(ChainAppender appender, RawDeadLetters deadLetters, ConsumerTraceInterceptor traces,
            EventTimeRange eventTimes, EventTimeWindow eventTimeWindow, Clock clock, MeterRegistry meters) {
        this.appender = appender;
        this.deadLetters = deadLetters;
        this.traces = traces;
        this.eventTimes = eventTimes;
        this.eventTimeWindow = eventTimeWindow;
        this.clock = clock;
        this.meters = meters;
        this.stored = meters.counter("audit.ingest.records", "outcome", "stored");
        this.duplicates = meters.counter("audit.ingest.records", "outcome", "duplicate");
        this.poison = meters.counter("audit.ingest.records", "outcome", "dead-lettered");
        this.storeFailures = Counter.builder(STORE_FAILURES)
                .description("Batch stores that failed with the store unavailable; the batch is retried")
                .register(meters);
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> recordOf = new HashMap<>();
        Instant ingestedAt = clock.instant();
        for (ConsumerRecord<String, byte[]> record : records) {
            try (TraceContext.Scope trace = traces.openSpanOf(record)) {
                EventDecoding.Outcome outcome = EventDecoding.decode(record);
                if (outcome instanceof EventDecoding.Decoded d) {
                    Optional<String> unholdable = eventTimes.refusal(d.event().time());
                    if (unholdable.isPresent()) {
                        deadLetterUnstorable(record, d.event(), "event-time", unholdable.get());
                        continue;
                    }
                    // parses: the range check above accepted it as RFC 3339
                    Optional<String> unbelievable = eventTimeWindow.refusal(
                            OffsetDateTime.parse(d.event().time()).toInstant(), ingestedAt);
                    if (unbelievable.isPresent()) {
                        deadLetterUnstorable(record, d.event(), "event-time-window", unbelievable.get());
                        continue;
                    }
                    log.debug("chaining event {} ({}) from {}-{}@{}", d.event().eventId(), d.event().type(),
                            record.topic(), record.partition(), record.offset());
                    byChain.computeIfAbsent(d.event().chain(), c -> new ArrayList<>()).add(d.event());
                    recordOf.putIfAbsent(d.event().eventId(), record);
                } else if (outcome instanceof EventDecoding.Poison p) {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            p.reason());
                    deadLetter(record, "decode", p.cause(), p.reason());
                }
            }
        }
        // One ordered insert per chain (throughput); the records' own trace ids are stored with them.
        byChain.forEach((chain, events) -> {
            ChainAppender.Appended appended = appendOrExplain(chain, events);
            stored.increment(appended.stored());
            duplicates.increment(events.size() - appended.stored() - appended.refused().size());
            for (ChainAppender.Refused refused : appended.refused()) {
                ConsumerRecord<String, byte[]> record = recordOf.get(refused.event().eventId());
                try (TraceContext.Scope trace = ConsumerTraceInterceptor.openTraceOf(record)) {
                    deadLetterUnstorable(record, refused.event(), "refused-by-store", refused.reason());
                }
            }
        });
    }

    private ChainAppender.Appended appendOrExplain(String chain, List<IncomingEvent> events) {
        try {
            return appender.append(chain, events);
        } catch (RuntimeException failure) {
            storeFailures.increment();
            log.error("storing {} events of chain {} (offsets {}..{}) failed, the batch is retried: {}", events.size(),
                    chain, events.get(0).offset(), events.get(events.size() - 1).offset(), failure.toString());
            throw failure;
        }
    }

    private void deadLetterUnstorable(ConsumerRecord<String, byte[]> record, IncomingEvent event, String cause,
            String reason) {
        log.error("dead-lettering {}-{}@{} event {} ({}): the trail cannot store it: {}", record.topic(),
                record.partition(), record.offset(), event.eventId(), event.type(), reason);
        deadLetter(record, "store", cause, "cannot store event " + event.eventId() + ": " + reason);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String stage, String cause, String reason) {
        deadLetters.send(record, reason);
        poison.increment();
        Counter.builder(DEAD_LETTERS).description("Records audit ingest sent to <topic>.dlt, by stage and reason")
                .tag("topic", record.topic()).tag("stage", stage).tag("reason", cause)
                .register(meters).increment();
    }
}
