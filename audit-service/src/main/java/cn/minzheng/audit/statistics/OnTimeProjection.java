package cn.minzheng.audit.statistics;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.ChainProjection;
import cn.minzheng.audit.projection.GenerationStore;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The on-time statistics' projection (issue 20 item 7): every accepted case in the bucket of its
 * China day of acceptance ({@link HandlingDays}), kept at ingest and built from the chains in
 * generations like the record counts ({@link ChainProjection}: watermark per chain, progress,
 * resumption after a stop, rebuild on demand). {@code GET /statistics/on-time} reads the buckets of
 * the days its range touches instead of every accepted case ({@link OnTimeRates}); until the first
 * build is complete it reads the cases as before.
 *
 * <p>A batch of a chain's records: the handling facts among them are set on their cases
 * ({@link HandlingCaseStore#record}, idempotent — ingest has already done so, a build from the
 * chains does it here), the cases are read back whole and each accepted one is written into its
 * day's bucket ({@code $set} of its entry). So a case's entry always reflects every fact stored so
 * far, whatever order its records were applied in.
 */
public class OnTimeProjection extends ChainProjection<OnTimeProjectionView> {

    public static final String BUCKETS = "on_time_days";
    static final String STATE_ID = "on-time-days";
    static final String REBUILD = "/api/v1/audit/projections/on-time/rebuild";

    private final HandlingCaseStore cases;

    public OnTimeProjection(MongoDatabase database, ChainStore chains, HandlingCaseStore cases, Clock clock) {
        super("on-time handling days", REBUILD, new GenerationStore(database, BUCKETS, STATE_ID), chains, clock);
        this.cases = cases;
    }

    @Override
    protected OnTimeProjectionView toView(BuildState s) {
        return new OnTimeProjectionView(s.active(), s.building(), s.recordsDone(), s.recordsTotal(), s.chain(),
                s.sequence(), s.reason(), s.startedAt(), s.completedAt(), s.updatedAt());
    }

    @Override
    protected Mono<Void> apply(int generation, String chain, List<AuditRecord> batch) {
        List<IncomingEvent> facts = new ArrayList<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (AuditRecord r : batch) {
            if (HandlingFacts.relevant(r.type()) && r.subject() != null && !r.subject().isBlank()) {
                facts.add(new IncomingEvent(r.eventId(), r.topic(), r.partition(), r.offset(), r.type(), r.subject(),
                        r.actorId(), r.actorRole(), r.regionCode(), r.time(), r.traceId(), r.data()));
                subjects.add(r.subject());
            }
        }
        if (facts.isEmpty()) {
            return Mono.empty();
        }
        return cases.record(facts)
                .thenMany(cases.acceptedAmong(subjects))
                .collect(LinkedHashMap<String, List<Bson>>::new, (writes, c) -> writes
                        .computeIfAbsent(HandlingDays.dayId(generation, c.acceptedDay()), d -> new ArrayList<>())
                        .add(Updates.set("c." + HandlingDays.field(c.subject()), HandlingDays.Entry.of(c).text())))
                .flatMap(writes -> store.write(writes, generation));
    }

    /**
     * The accepted cases the query selects ({@link HandlingDays.Entry#selected}), read from the buckets of
     * the days {@code [from, to)} touches (every bucket of the generation when either end is open); empty
     * when no generation is complete yet.
     */
    public Mono<List<HandlingDays.Entry>> accepted(String regionPrefix, String service, Instant from, Instant to) {
        long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        return activeGeneration().flatMap(generation -> {
            Flux<Document> buckets = from == null || to == null ? store.generation(generation)
                    : store.buckets(HandlingDays.days(from, to).stream()
                            .map(d -> HandlingDays.dayId(generation, d)).toList());
            return buckets.flatMapIterable(doc -> {
                Document entries = doc.get("c", Document.class);
                List<HandlingDays.Entry> selected = new ArrayList<>();
                if (entries != null) {
                    String id = doc.getString("_id");
                    LocalDate day = LocalDate.parse(id.substring(id.indexOf('|') + 1));
                    for (Object text : entries.values()) {
                        HandlingDays.Entry e = HandlingDays.Entry.parse((String) text, day);
                        if (e.selected(regionPrefix, service, fromMs, toMs)) {
                            selected.add(e);
                        }
                    }
                }
                return selected;
            }).collectList();
        });
    }

}
