package cn.minzheng.audit.statistics;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.projection.TrailProjection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The handling clock of every case: fields of the subject's document in
 * {@value cn.minzheng.audit.projection.Projections#SUBJECTS}, set by ingest in the one upsert per subject per batch from the
 * case's application, acceptance, decision and withdrawal ({@link HandlingFacts}). Each fact sets
 * only its own fields, so redelivery and rebuilds cannot disturb it. The statistics read the
 * accepted cases (a scan of the subjects on the Mongo-wire server — one small document per case,
 * not the trail's records; an index range on MongoDB).
 */
public class HandlingCaseStore implements TrailProjection {

    /** The fields the statistics read (not the subject's event ids). */
    private static final Bson FIELDS = Projections.include("service", "program", "regionCode", "acceptedMs", "dueDate",
            "dueBasis", "decision", "decidedMs", "withdrawnMs");

    private final MongoCollection<Document> cases;

    public HandlingCaseStore(MongoDatabase database) {
        this.cases = database.getCollection(cn.minzheng.audit.projection.Projections.SUBJECTS);
    }

    @Override
    public String name() {
        return "handling clock";
    }

    @Override
    public Mono<Void> prepare(MongoCollection<Document> subjects) {
        return Mono.from(subjects.createIndex(Indexes.ascending("regionCode", "acceptedMs"))).then();
    }

    @Override
    public Map<String, List<Bson>> updates(List<IncomingEvent> events) {
        Map<String, Map<String, Object>> bySubject = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            HandlingFacts.of(e.type(), e.subject(), RecordDocuments.serviceOf(e.type(), e.topic()), e.regionCode(),
                            e.time(), e.eventId(), e.data())
                    .ifPresent(set -> bySubject.computeIfAbsent(e.subject(), s -> new LinkedHashMap<>()).putAll(set));
        }
        Map<String, List<Bson>> updates = new LinkedHashMap<>();
        bySubject.forEach((subject, set) -> updates.put(subject,
                set.entrySet().stream().map(f -> Updates.set(f.getKey(), f.getValue())).toList()));
        return updates;
    }

    /** The handling-clock fields of these events set on their cases (one unordered bulk of upserts, idempotent). */
    public Mono<Void> record(List<IncomingEvent> events) {
        Map<String, List<Bson>> updates = updates(events);
        if (updates.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
        updates.forEach((subject, ops) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", subject),
                Updates.combine(ops), new UpdateOptions().upsert(true))));
        return Mono.from(cases.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    /** The accepted cases among these subjects ({@code _id $in}, batches of 500). */
    public Flux<HandlingCase> acceptedAmong(Collection<String> subjects) {
        return Flux.fromIterable(subjects).buffer(500).concatMap(batch -> Flux.from(
                        cases.find(Filters.in("_id", batch)).projection(FIELDS).batchSize(500)))
                .filter(d -> d.get("acceptedMs") instanceof Number)
                .map(HandlingCaseStore::fromDocument);
    }

    /**
     * Accepted cases within a region prefix (empty = all), optionally of one service, accepted in
     * [from, to) (either may be null).
     */
    public Flux<HandlingCase> accepted(String regionPrefix, String service, Instant from, Instant to) {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.exists("acceptedMs"));
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            all.add(Filters.regex("regionCode", "^" + regionPrefix));
        }
        if (service != null) {
            all.add(Filters.eq("service", service));
        }
        if (from != null) {
            all.add(Filters.gte("acceptedMs", from.toEpochMilli()));
        }
        if (to != null) {
            all.add(Filters.lt("acceptedMs", to.toEpochMilli()));
        }
        return Flux.from(cases.find(Filters.and(all)).projection(FIELDS).batchSize(1000)).map(HandlingCaseStore::fromDocument);
    }

    static HandlingCase fromDocument(Document d) {
        return new HandlingCase(d.getString("_id"), d.getString("service"), d.getString("program"),
                d.getString("regionCode"), Instant.ofEpochMilli(((Number) d.get("acceptedMs")).longValue()),
                d.get("dueDate") instanceof String s ? s : null, d.get("dueBasis") instanceof String b ? b : null,
                d.getString("decision"), millis(d.get("decidedMs")), millis(d.get("withdrawnMs")));
    }

    private static Instant millis(Object v) {
        return v instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }
}
