package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.IncomingEvent;
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
 * One polled batch: poison to the dead letters, the rest grouped by chain (topic partition) in
 * offset order and appended. Any storage failure propagates, so the batch is retried and no offset
 * is committed for unstored events.
 */
public class IngestBatch {

    private static final Logger log = LoggerFactory.getLogger(IngestBatch.class);

    private final ChainAppender appender;
    private final DeadLetters deadLetters;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter poison;

    public IngestBatch(ChainAppender appender, DeadLetters deadLetters, MeterRegistry meters) {
        this.appender = appender;
        this.deadLetters = deadLetters;
        this.stored = meters.counter("audit.ingest.records", "outcome", "stored");
        this.duplicates = meters.counter("audit.ingest.records", "outcome", "duplicate");
        this.poison = meters.counter("audit.ingest.records", "outcome", "dead-lettered");
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<IncomingEvent>> byChain = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventDecoding.Outcome outcome = EventDecoding.decode(record);
            if (outcome instanceof EventDecoding.Decoded d) {
                byChain.computeIfAbsent(d.event().chain(), c -> new ArrayList<>()).add(d.event());
            } else if (outcome instanceof EventDecoding.Poison p) {
                log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), p.reason());
                deadLetters.send(record, p.reason());
                poison.increment();
            }
        }
        byChain.forEach((chain, events) -> {
            int fresh = appender.append(chain, events);
            stored.increment(fresh);
            duplicates.increment(events.size() - fresh);
        });
    }
}
