package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.TrailProjection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Which events belong to a subject (case or organization number): one document per subject,
 * {@code {_id: subject, eventIds: [...]}}, fed by ingest with one {@code $addToSet} upsert per
 * subject per batch. A timeline then reads the subject's document by {@code _id} and its records by
 * {@code eventId $in} — both unique-index hits, on MongoDB and on the Mongo-wire server, which
 * otherwise scans the whole trail for {@code subject = X}.
 *
 * <p>{@code $addToSet} makes it idempotent and order-free; an id listed before its record is
 * stored (or of a record removed by tampering) simply finds nothing.
 */
public class SubjectIndex implements TrailProjection {

    public static final String COLLECTION = "subject_events";

    private final MongoCollection<Document> subjects;

    public SubjectIndex(MongoDatabase database) {
        this.subjects = database.getCollection(COLLECTION);
    }

    @Override
    public String name() {
        return COLLECTION;
    }

    @Override
    public Mono<Void> prepare() {
        return Mono.empty();
    }

    @Override
    public Mono<Void> project(List<IncomingEvent> events) {
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            if (e.subject() != null && !e.subject().isEmpty()) {
                bySubject.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.eventId());
            }
        }
        if (bySubject.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(bySubject.size());
        bySubject.forEach((subject, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", subject),
                Updates.addEachToSet("eventIds", ids), new UpdateOptions().upsert(true))));
        return Mono.from(subjects.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    /** The event ids of a subject (empty when the subject is unknown). */
    public Mono<List<String>> eventIds(String subject) {
        return Mono.from(subjects.find(Filters.eq("_id", subject)).first())
                .map(d -> d.getList("eventIds", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }
}
