package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.Projections;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a partition's batch to its chain: skip events already stored (redelivery), chain the
 * rest after the head read from the store, insert them in one ordered write, advance the head,
 * then hand every event of the batch (new or redelivered) to the projections — after the records,
 * so a projection never names an event the trail does not hold, and again on redelivery, so a
 * batch whose records were stored but whose projections failed is completed by its retry.
 *
 * <p>Runs on the Kafka consumer thread and waits for Mongo on purpose: the offsets are committed
 * only when this returns. Several instances stay safe because the unique (chain, sequence) and
 * event-id indexes turn a race into a conflict, after which the head is read again.
 */
public class ChainAppender {

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);
    private static final int ATTEMPTS = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChainStore store;
    private final Clock clock;
    private final ChainHeadGauges heads;
    private final Projections projections;

    /** An appender without projections (tests of the chain alone). */
    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads) {
        this(store, clock, heads, null);
    }

    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, Projections projections) {
        this.store = store;
        this.clock = clock;
        this.heads = heads;
        this.projections = projections;
    }

    /** Stores the events of one chain in the order given; returns how many were new. */
    public int append(String chain, List<IncomingEvent> events) {
        Map<String, IncomingEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        for (int attempt = 1; ; attempt++) {
            try {
                Set<String> stored = store.storedEventIds(unique.keySet()).block(WAIT);
                List<IncomingEvent> fresh = unique.values().stream().filter(e -> !stored.contains(e.eventId())).toList();
                if (!fresh.isEmpty()) {
                    ChainHead head = store.head(chain).block(WAIT);
                    ChainHead.Extension extension = head.extend(fresh, clock.instant());
                    store.insert(extension.records()).block(WAIT);
                    store.advanceHead(extension.head()).block(WAIT);
                    heads.observe(extension.head());
                }
                if (projections != null) {
                    projections.project(List.copyOf(unique.values())).block(WAIT);
                }
                return fresh.size();
            } catch (ChainStore.ChainConflict conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.info("chain {} moved under us (attempt {}), reading its head again", chain, attempt);
            }
        }
    }
}
