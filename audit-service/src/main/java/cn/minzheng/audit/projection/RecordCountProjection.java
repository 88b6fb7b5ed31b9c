package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordDocuments;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts of the trail's records by day, service, type and region kept at ingest (issue 20 item 7),
 * so that {@code GET /statistics} reads at most a few hundred small documents instead of every
 * record in the range ({@link CountBuckets}).
 *
 * <p>It follows the chains by position in generations ({@link ChainProjection}: ingest, builds,
 * rebuilds, resumption). A day bucket counts a record only past the sequence it has already
 * counted for that chain, an hour bucket holds the record itself, so a record read twice never
 * counts twice. Until the first build is complete the statistics count over the records as before.
 */
public class RecordCountProjection extends ChainProjection<ProjectionStateView> {

    public RecordCountProjection(RecordCountStore store, ChainStore chains, Clock clock) {
        super("record counts", "/api/v1/audit/projections/record-counts/rebuild", store, chains, clock);
    }

    @Override
    protected ProjectionStateView toView(BuildState s) {
        return ProjectionStateView.of(ProjectionStateView.Kind.RECORD_COUNTS, s);
    }

    /** One batch of a chain's records (in sequence order) into the generation's buckets. */
    @Override
    protected Mono<Void> apply(int generation, String chain, List<AuditRecord> batch) {
        Map<String, Map<String, List<Long>>> days = new LinkedHashMap<>();
        Map<String, Map<String, List<Long>>> hours = new LinkedHashMap<>();
        for (AuditRecord r : batch) {
            long timeMs = RecordDocuments.timeMs(r);
            String field = new CountBuckets.Key(RecordDocuments.serviceOf(r.type(), r.topic()), r.type(),
                    r.regionCode(), chain).field();
            days.computeIfAbsent(RecordCountStore.dayId(generation, CountBuckets.day(timeMs)), d -> new LinkedHashMap<>())
                    .computeIfAbsent(field, f -> new ArrayList<>()).add(r.sequence());
            hours.computeIfAbsent(RecordCountStore.hourId(generation, CountBuckets.hour(timeMs)), h -> new LinkedHashMap<>())
                    .computeIfAbsent(field, f -> new ArrayList<>()).add(CountBuckets.element(r.sequence(), timeMs));
        }
        return store.buckets(new ArrayList<>(days.keySet()))
                .collectMap(d -> d.getString("_id"))
                .flatMap(stored -> {
                    Map<String, List<Bson>> writes = new LinkedHashMap<>();
                    days.forEach((id, byField) -> byField.forEach((field, sequences) -> {
                        Document pair = stored.get(id) == null ? null
                                : stored.get(id).get("c", Document.class) == null ? null
                                : stored.get(id).get("c", Document.class).get(field, Document.class);
                        long counted = pair == null ? 0 : ((Number) pair.get("s")).longValue();
                        long n = pair == null ? 0 : ((Number) pair.get("n")).longValue();
                        long fresh = sequences.stream().filter(s -> s > counted).count();
                        if (fresh > 0) {
                            long upTo = sequences.stream().mapToLong(Long::longValue).max().orElseThrow();
                            writes.computeIfAbsent(id, i -> new ArrayList<>()).addAll(List.of(
                                    Updates.max("c." + field + ".s", upTo), Updates.max("c." + field + ".n", n + fresh)));
                        }
                    }));
                    hours.forEach((id, byField) -> byField.forEach((field, elements) -> writes
                            .computeIfAbsent(id, i -> new ArrayList<>()).add(Updates.addEachToSet("t." + field, elements))));
                    return store.write(writes, generation);
                });
    }

    // ---- reads -------------------------------------------------------------------------------------

    /**
     * Counts of records in {@code [from, to)} of one type (null: any) within a region prefix, grouped
     * by {@code field} ({@link CountBuckets.Tally}); empty when no generation is complete yet.
     */
    public Mono<Map<String, Long>> counts(String field, String type, String regionPrefix, Instant from, Instant to) {
        return store.state().flatMap(s -> {
            Integer generation = s.getInteger("active");
            if (generation == null) {
                return Mono.empty();
            }
            CountBuckets.Plan plan = CountBuckets.plan(from, to);
            CountBuckets.Tally tally = new CountBuckets.Tally(field, type, regionPrefix);
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            List<String> ids = new ArrayList<>();
            // a few hundred distinct keys recur in every bucket: each parsed once per query
            Map<String, CountBuckets.Key> keys = new HashMap<>();
            plan.days().forEach(d -> ids.add(RecordCountStore.dayId(generation, d)));
            plan.hours().forEach(h -> ids.add(RecordCountStore.hourId(generation, h)));
            return store.buckets(ids).doOnNext(doc -> {
                String[] id = doc.getString("_id").split("\\|");
                if (id[1].equals("d")) {
                    LocalDate day = LocalDate.parse(id[2]);
                    Document c = doc.get("c", Document.class);
                    if (c != null) {
                        c.forEach((field1, pair) -> tally.add(keys.computeIfAbsent(field1, CountBuckets.Key::parse), day,
                                ((Number) ((Document) pair).get("n")).longValue()));
                    }
                } else {
                    long hour = Long.parseLong(id[2]);
                    Document elements = doc.get("t", Document.class);
                    if (elements != null) {
                        elements.forEach((field1, list) -> {
                            CountBuckets.Key key = keys.computeIfAbsent(field1, CountBuckets.Key::parse);
                            Map<LocalDate, Long> perDay = new HashMap<>();
                            for (Object e : (List<?>) list) {
                                long time = CountBuckets.timeOf(hour, ((Number) e).longValue());
                                if (time >= f && time < t) {
                                    perDay.merge(CountBuckets.day(time), 1L, Long::sum);
                                }
                            }
                            perDay.forEach((day, n) -> tally.add(key, day, n));
                        });
                    }
                }
            }).then(Mono.fromSupplier(tally::counts));
        });
    }

}
