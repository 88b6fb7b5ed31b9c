package cn.minzheng.audit.ingest;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.ChainProjection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a partition's batch to its chain: skip events already stored (redelivery), chain the
 * rest after the head read from the store, insert them in one ordered write, advance the head,
 * then hand every stored event of the batch (new or redelivered) to the projections — after the
 * records, so a projection never names an event the trail does not hold, and again on redelivery,
 * so a batch whose records were stored but whose projections failed is completed by its retry.
 *
 * <p>A record the store refuses for its own sake ({@link RecordRefusal}) must not hold the chain up
 * (issue 14): when the batched insert is refused so, the batch is stored again one record at a
 * time after the head as it now stands (an ordered insert may have stored a prefix), and a refused
 * record is set aside — it never takes a sequence number, the next record is chained to the last
 * record actually stored — and returned as {@link Refused} for the caller to dead-letter. Any other
 * failure (the store unavailable) propagates, so the batch is retried and nothing is set aside.
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
    private final RecordMac macs;
    private final List<ChainProjection<?>> followers;

    /** An appender without projections (tests of the chain alone). */
    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, RecordMac macs) {
        this(store, clock, heads, null, List.of(), macs);
    }

    /** An appender without the record counts (tests of the chain and the subject projections). */
    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, Projections projections,
            RecordMac macs) {
        this(store, clock, heads, projections, List.of(), macs);
    }

    /** An appender with one projection that follows the chains by position (or none: null). */
    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, Projections projections,
            ChainProjection<?> counts, RecordMac macs) {
        this(store, clock, heads, projections, counts == null ? List.of() : List.of(counts), macs);
    }

    /**
     * Every record it stores carries a MAC of the current record key ({@link RecordMac}); after the
     * subject projections, each of {@code followers} (record counts, handling days) is brought up to
     * the records appended, in this order.
     */
    public ChainAppender(ChainStore store, Clock clock, ChainHeadGauges heads, Projections projections,
            List<ChainProjection<?>> followers, RecordMac macs) {
        this.store = store;
        this.clock = clock;
        this.heads = heads;
        this.projections = projections;
        this.followers = List.copyOf(followers);
        this.macs = java.util.Objects.requireNonNull(macs, "macs");
    }

    /** An event the store refused for its own sake, and why. */
    public record Refused(IncomingEvent event, String reason) {
    }

    /** How many events were new to the trail, and the events it refused (not stored, no sequence). */
    public record Appended(int stored, List<Refused> refused) {
    }

    /** Stores the events of one chain in the order given. */
    public Appended append(String chain, List<IncomingEvent> events) {
        Map<String, IncomingEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        for (int attempt = 1; ; attempt++) {
            try {
                Set<String> stored = store.storedEventIds(unique.keySet()).block(WAIT);
                List<IncomingEvent> fresh = unique.values().stream().filter(e -> !stored.contains(e.eventId())).toList();
                List<AuditRecord> appended = new ArrayList<>();
                List<Refused> refused = fresh.isEmpty() ? List.of() : insert(chain, fresh, appended);
                if (projections != null) {
                    Set<String> refusedIds = refused.stream().map(r -> r.event().eventId()).collect(Collectors.toSet());
                    projections.project(unique.values().stream().filter(e -> !refusedIds.contains(e.eventId())).toList())
                            .block(WAIT);
                }
                for (ChainProjection<?> follower : followers) {
                    // keyed by the chain position: records counted before (a redelivery) are not counted again,
                    // records appended but not yet counted (a stop after the insert) are read from the chain
                    follower.appended(chain, appended).block(WAIT);
                }
                return new Appended(fresh.size() - refused.size(), refused);
            } catch (ChainStore.ChainConflict conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
                log.info("chain {} moved under us (attempt {}), reading its head again", chain, attempt);
            }
        }
    }

    /**
     * The fresh events in one ordered write; after a refusal, one by one. The records stored by the
     * ordered write are added to {@code appended} (none after a refusal: the counts then read them
     * from the chain).
     */
    private List<Refused> insert(String chain, List<IncomingEvent> fresh, List<AuditRecord> appended) {
        ChainHead.Extension extension = store.head(chain).block(WAIT).extend(fresh, clock.instant(), macs);
        Optional<String> refusal = insertOrRefusal(extension);
        if (refusal.isPresent()) {
            log.warn("chain {}: the store refused a record of a batch of {} ({}); storing them one at a time", chain,
                    fresh.size(), refusal.get());
            return insertOneByOne(chain, fresh);
        }
        store.advanceHead(extension.head()).block(WAIT);
        heads.observe(extension.head());
        appended.addAll(extension.records());
        return List.of();
    }

    /**
     * Inserts the records; empty when stored, the reason when the store refused a record for its
     * own sake ({@link RecordRefusal}). A conflict or any other failure (the store unavailable)
     * propagates.
     */
    private Optional<String> insertOrRefusal(ChainHead.Extension extension) {
        try {
            store.insert(extension.records()).block(WAIT);
            return Optional.empty();
        } catch (ChainStore.ChainConflict conflict) {
            throw conflict;
        } catch (RuntimeException failure) {
            Optional<String> refusal = RecordRefusal.reasonOf(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            return refusal;
        }
    }

    /**
     * Each event alone after the head as it stands now; a refused one is set aside and the next is
     * chained to the same head, so the chain stays contiguous.
     */
    private List<Refused> insertOneByOne(String chain, List<IncomingEvent> fresh) {
        Set<String> stored = store.storedEventIds(fresh.stream().map(IncomingEvent::eventId).toList()).block(WAIT);
        ChainHead head = store.head(chain).block(WAIT);
        List<Refused> refused = new ArrayList<>();
        for (IncomingEvent event : fresh) {
            if (stored.contains(event.eventId())) {
                continue; // stored by the batched insert before it stopped
            }
            ChainHead.Extension one = head.extend(List.of(event), clock.instant(), macs);
            Optional<String> refusal = insertOrRefusal(one);
            if (refusal.isPresent()) {
                refused.add(new Refused(event, refusal.get()));
            } else {
                head = one.head();
            }
        }
        if (head.sequence() > 0) { // an empty chain whose only events were refused gets no head document
            store.advanceHead(head).block(WAIT);
            heads.observe(head);
        }
        return refused;
    }
}
