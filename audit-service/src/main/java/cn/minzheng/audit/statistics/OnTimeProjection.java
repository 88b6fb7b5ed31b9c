package cn.minzheng.audit.statistics;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.ChainProjection;
import cn.minzheng.audit.projection.GenerationStore;
import cn.minzheng.audit.projection.ProjectionStateView;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
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
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The on-time statistics' projection (issue 20 item 7): every accepted case in the bucket of its
 * China day of acceptance ({@link HandlingDays}), kept at ingest and built from the chains in
 * generations like the record counts ({@link ChainProjection}: watermark per chain, progress,
 * resumption after a stop, rebuild on demand). {@code GET /statistics/on-time} reads the day
 * tallies ({@link DayTallies}) of the days its range covers instead of every accepted case
 * ({@link #tallies}, {@link OnTimeRates}); until the first build is complete it reads the cases as
 * before.
 *
 * <p>A batch of a chain's records: the handling facts among them are set on their cases
 * ({@link HandlingCaseStore#record}, idempotent — ingest has already done so, a build from the
 * chains does it here), the cases are read back whole and each accepted one is written into its
 * day's bucket ({@code $set} of its entry, the bucket's version {@code v} incremented). So a case's
 * entry always reflects every fact stored so far, whatever order its records were applied in. Then
 * the tallies of each day bucket written are derived again from the whole bucket
 * ({@link #retally}): a function of the entries, never a counter, so nothing applied twice or
 * changed later counts twice.
 */
public class OnTimeProjection extends ChainProjection<ProjectionStateView> {

    public static final String BUCKETS = "on_time_days";
    /** The tallies of each day bucket ({@link DayTallies}), same {@code _id} as the bucket. */
    public static final String TALLIES = "on_time_tallies";
    /** The version of a day's entries (bucket) and of the entries its tallies were derived from. */
    static final String VERSION = "v";
    /** Set on the state document once every generation's day buckets have their tallies. */
    static final String TALLIES_KEPT = "talliesKept";
    static final String STATE_ID = "on-time-days";
    static final String REBUILD = "/api/v1/audit/projections/on-time/rebuild";

    private final HandlingCaseStore cases;
    private final MongoCollection<Document> tallies;

    public OnTimeProjection(MongoDatabase database, ChainStore chains, HandlingCaseStore cases, Clock clock) {
        super("on-time handling days", REBUILD, new GenerationStore(database, BUCKETS, STATE_ID, TALLIES), chains, clock);
        this.cases = cases;
        this.tallies = database.getCollection(TALLIES);
    }

    /**
     * At start-up: day buckets written before their tallies were kept (an older version of this service)
     * get them first, then the build or its resumption ({@link ChainProjection#start}). Until then the
     * on-time rates read the buckets' entries.
     */
    @Override
    public Mono<Void> start() {
        return store.createIndexes().then(store.state()).flatMap(s -> {
            if (Boolean.TRUE.equals(s.getBoolean(TALLIES_KEPT))) {
                return Mono.<Void>empty();
            }
            List<Integer> generations = new ArrayList<>();
            for (String f : List.of("active", "building")) {
                if (s.getInteger(f) != null) {
                    generations.add(s.getInteger(f));
                }
            }
            return Flux.fromIterable(generations)
                    .concatMap(g -> store.generation(g).map(d -> d.getString("_id")).buffer(GenerationStore.ID_BATCH)
                            .concatMap(this::retally))
                    .then(store.mark(new Document(TALLIES_KEPT, true)));
        }).then(super.start());
    }

    @Override
    protected ProjectionStateView toView(BuildState s) {
        return ProjectionStateView.of(ProjectionStateView.Kind.ON_TIME, s);
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
                        .computeIfAbsent(HandlingDays.dayId(generation, c.acceptedDay()), d -> {
                            List<Bson> ops = new ArrayList<>();
                            ops.add(Updates.inc(VERSION, 1L)); // every write of a day's entries: a new version
                            return ops;
                        })
                        .add(Updates.set("c." + HandlingDays.field(c.subject()), HandlingDays.Entry.of(c).text())))
                .flatMap(writes -> store.write(writes, generation)
                        .then(retally(new ArrayList<>(writes.keySet()))));
    }

    /**
     * The tallies of these day buckets derived again from their entries as they are now
     * ({@link DayTallies#of}), each written only over tallies of an older version of its bucket: two
     * writers racing on one day leave the tallies of the later entries.
     */
    Mono<Void> retally(List<String> dayIds) {
        return store.buckets(dayIds).flatMap(this::retally, 4).then();
    }

    private Mono<Void> retally(Document bucket) {
        String id = bucket.getString("_id");
        long version = bucket.get(VERSION) instanceof Number n ? n.longValue() : 0L;
        LocalDate day = day(id);
        List<HandlingDays.Entry> entries = new ArrayList<>();
        Document c = bucket.get("c", Document.class);
        if (c != null) {
            for (Object text : c.values()) {
                entries.add(HandlingDays.Entry.parse((String) text, day));
            }
        }
        DayTallies t = DayTallies.of(entries);
        Document closings = new Document();
        t.closings().forEach((d, byKey) -> closings.put(d, new Document(byKey)));
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version));
        Bson update = Updates.combine(Updates.set("g", bucket.get("g")), Updates.set(VERSION, version),
                Updates.set("t", new Document(t.counts())), Updates.set("m", closings));
        return Mono.from(tallies.updateOne(filter, update, new UpdateOptions().upsert(true)))
                .onErrorResume(GenerationStore::isDuplicateKey, e -> Mono.empty()) // a newer version is there
                .then();
    }

    private static LocalDate day(String id) {
        return LocalDate.parse(id.substring(id.indexOf('|') + 1));
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

    /**
     * The tallies of the accepted cases the query selects ({@link DayTallies.Key#selected}, accepted in
     * {@code [from, to)}, either end open), each case judged as it stood at {@code asOf} and counted in
     * the group {@code group} names: from the tallies of the China days wholly inside the range (one
     * small document per day), the entries of the at most two days the range starts or ends inside, and
     * the instants of the cases closing on the day of {@code asOf}. Empty when no generation is complete
     * yet; from the day buckets' entries ({@link #accepted}) while the tallies are not yet kept for every
     * generation ({@link #start}).
     */
    Mono<OnTimeRates.Tallies> tallies(String regionPrefix, String service, Instant from, Instant to, Instant asOf,
            Function<HandlingDays.Entry, String> group) {
        long asOfMs = asOf.toEpochMilli();
        long asOfDay = asOf.atZone(HandlingCase.ZONE).toLocalDate().toEpochDay();
        return store.state().flatMap(s -> {
            Integer generation = s.getInteger("active");
            if (generation == null) {
                return Mono.<OnTimeRates.Tallies>empty();
            }
            if (!Boolean.TRUE.equals(s.getBoolean(TALLIES_KEPT))) {
                return accepted(regionPrefix, service, from, to).map(entries -> {
                    OnTimeRates.Tallies t = new OnTimeRates.Tallies();
                    entries.forEach(e -> t.add(group.apply(e), e.outcome(asOfMs, asOfDay)));
                    return t;
                });
            }
            long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
            // the days the range starts or ends inside: their entries, one by one
            List<String> edges = new ArrayList<>();
            for (Instant end : java.util.Arrays.asList(from, to)) {
                if (end != null) {
                    LocalDate d = end.atZone(HandlingCase.ZONE).toLocalDate();
                    if (!startOf(d).equals(end) && (from == null || to == null || to.isAfter(from))) {
                        String id = HandlingDays.dayId(generation, d);
                        if (!edges.contains(id)) {
                            edges.add(id);
                        }
                    }
                }
            }
            Flux<Document> whole = from == null || to == null
                    ? Flux.from(tallies.find(Filters.eq("g", generation)).projection(tallyFields(asOfDay))
                            .batchSize(GenerationStore.ID_BATCH))
                    : Flux.fromIterable(HandlingDays.days(from, to)).map(d -> HandlingDays.dayId(generation, d))
                            .filter(id -> !edges.contains(id)).buffer(GenerationStore.ID_BATCH)
                            .concatMap(ids -> tallies.find(Filters.in("_id", ids)).projection(tallyFields(asOfDay))
                                    .batchSize(GenerationStore.ID_BATCH));
            OnTimeRates.Tallies t = new OnTimeRates.Tallies();
            String closingDay = Long.toString(asOfDay);
            Mono<Void> days = whole.doOnNext(doc -> {
                String id = doc.getString("_id");
                LocalDate day = day(id);
                if (edges.contains(id) || startOf(day).toEpochMilli() < fromMs
                        || startOf(day.plusDays(1)).toEpochMilli() > toMs) {
                    return; // read from the entries, or outside the range
                }
                Document counts = doc.get("t", Document.class);
                Document closing = doc.get("m", Document.class);
                Document today = closing == null ? null : closing.get(closingDay, Document.class);
                if (counts == null) {
                    return;
                }
                counts.forEach((field, n) -> {
                    DayTallies.Key key = DayTallies.Key.parse(field);
                    if (!key.selected(regionPrefix, service)) {
                        return;
                    }
                    String name = group.apply(key.representative(day));
                    if (key.closesOn(asOfDay)) {
                        if (today == null || today.getString(field) == null) {
                            throw new IllegalStateException("the tallies of " + id + " lack the instants of " + field);
                        }
                        key.outcomes(today.getString(field), asOfMs, asOfDay).forEach(o -> t.add(name, o));
                    } else {
                        t.add(name, key.outcome(asOfDay), ((Number) n).longValue());
                    }
                });
            }).then();
            Mono<Void> edgeDays = store.buckets(edges).doOnNext(doc -> {
                Document entries = doc.get("c", Document.class);
                if (entries == null) {
                    return;
                }
                LocalDate day = day(doc.getString("_id"));
                for (Object text : entries.values()) {
                    HandlingDays.Entry e = HandlingDays.Entry.parse((String) text, day);
                    if (e.selected(regionPrefix, service, fromMs, toMs)) {
                        t.add(group.apply(e), e.outcome(asOfMs, asOfDay));
                    }
                }
            }).then();
            return days.then(edgeDays).thenReturn(t);
        });
    }

    private static Bson tallyFields(long asOfDay) {
        return com.mongodb.client.model.Projections.include("t", "m." + asOfDay);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(HandlingCase.ZONE).toInstant();
    }
}
