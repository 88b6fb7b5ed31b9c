package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.platform.kit.messaging.ConsumerTraceInterceptor;
import cn.minzheng.platform.kit.messaging.RawDeadLetters;
import cn.minzheng.platform.kit.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * poll. Any storage failure propagates, so the batch is retried and no offset is committed for
 * unstored events.
 */
public class IngestBatch {

    private static final Logger log = LoggerFactory.getLogger(IngestBatch.class);

    private final ChainAppender appender;
    private final RawDeadLetters deadLetters;
    private final ConsumerTraceInterceptor traces;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter poison;

    public IngestBatch(ChainAppender appender, RawDeadLetters deadLetters, ConsumerTraceInterceptor traces,
            MeterRegistry meters) {
        this.appender = appender;
        this.deadLetters = deadLetters;
        this.traces = traces;
        this.stored = meters.counter("audit.ingest.records", "outcome", "stored");
        this.duplicates = meters.counter("audit.ingest.records", "outcome", "duplicate");
        this.poison = meters.counter("audit.ingest.records", "outcome", "dead-lettered");
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try (TraceContext.Scope trace = traces.openSpanOf(record)) {
                EventDecoding.Outcome outcome = EventDecoding.decode(record);
                if (outcome instanceof EventDecoding.Decoded d) {
                    log.debug("chaining event {} ({}) from {}-{}@{}", d.event().eventId(), d.event().type(),
                            record.topic(), record.partition(), record.offset());
                    byChain.computeIfAbsent(d.event().chain(), c -> new ArrayList<>()).add(d.event());
                } else if (outcome instanceof EventDecoding.Poison p) {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            p.reason());
                    deadLetters.send(record, p.reason());
                    poison.increment();
                }
            }
        }
        // One ordered insert per chain (throughput); the records' own trace ids are stored with them.
        byChain.forEach((chain, events) -> {
            int fresh = appender.append(chain, events);
            stored.increment(fresh);
            duplicates.increment(events.size() - fresh);
        });
    }
}
