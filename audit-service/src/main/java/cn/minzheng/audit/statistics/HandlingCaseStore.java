package cn.minzheng.audit.statistics;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.projection.TrailProjection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The handling clock of every case, one small document per subject ({@code _id} = subject), fed
 * by ingest: per batch one unordered bulk of upserts, one per subject that had a relevant event
 * (application, acceptance, decision, withdrawal — {@link HandlingFacts}). Each fact sets only its
 * own fields, so redelivery and rebuilds cannot disturb it.
 */
public class HandlingCaseStore implements TrailProjection {

    public static final String COLLECTION = "handling_cases";

    private final MongoCollection<Document> cases;

    public HandlingCaseStore(MongoDatabase database) {
        this.cases = database.getCollection(COLLECTION);
    }

    @Override
    public String name() {
        return COLLECTION;
    }

    /** A lookup index for MongoDB (the Mongo-wire server ignores it and scans this small collection). */
    @Override
    public Mono<Void> prepare() {
        return Mono.from(cases.createIndex(Indexes.ascending("regionCode", "acceptedMs"))).then();
    }

    @Override
    public Mono<Void> project(List<IncomingEvent> events) {
        Map<String, Map<String, Object>> bySubject = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            HandlingFacts.of(e.type(), e.subject(), RecordDocuments.serviceOf(e.type(), e.topic()), e.regionCode(),
                            e.time(), e.eventId(), e.data())
                    .ifPresent(set -> bySubject.computeIfAbsent(e.subject(), s -> new LinkedHashMap<>()).putAll(set));
        }
        if (bySubject.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(bySubject.size());
        bySubject.forEach((subject, set) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", subject),
                Updates.combine(set.entrySet().stream().map(f -> Updates.set(f.getKey(), f.getValue())).toList()),
                new UpdateOptions().upsert(true))));
        return Mono.from(cases.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
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
        return Flux.from(cases.find(Filters.and(all)).batchSize(1000)).map(HandlingCaseStore::fromDocument);
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
