package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.projection.TrailProjection;
import cn.minzheng.audit.projection.Projections;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * Which events belong to a subject (case or organization number): the {@code eventIds} array of
 * the subject's document in {@value Projections#SUBJECTS}, grown with {@code $addToSet} in the one
 * upsert per subject per batch. A timeline then reads the subject's document by {@code _id} and its
 * records by {@code eventId $in} — both unique-index hits, on MongoDB and on the Mongo-wire
 * server, which otherwise scans the whole trail for {@code subject = X}.
 *
 * <p>{@code $addToSet} makes it idempotent and order-free; an id listed before its record is
 * stored (or of a record removed by tampering) simply finds nothing.
 */
public class SubjectIndex implements TrailProjection {

    private final MongoCollection<Document> subjects;

    public SubjectIndex(MongoDatabase database) {
        this.subjects = database.getCollection(Projections.SUBJECTS);
    }

    @Override
    public String name() {
        return "subject event ids";
    }

    @Override
    public Mono<Void> prepare(MongoCollection<Document> subjects) {
        return Mono.empty();
    }

    @Override
    public Map<String, List<Bson>> updates(List<IncomingEvent> events) {
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            if (e.subject() != null && !e.subject().isEmpty()) {
                bySubject.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.eventId());
            }
        }
        Map<String, List<Bson>> updates = new LinkedHashMap<>();
        bySubject.forEach((subject, ids) -> updates.put(subject, List.of(Updates.addEachToSet("eventIds", ids))));
        return updates;
    }

    /** The event ids of a subject (empty when the subject is unknown). */
    public Mono<List<String>> eventIds(String subject) {
        return Mono.from(subjects.find(Filters.eq("_id", subject)).projection(new Document("eventIds", 1)).first())
                .map(d -> d.getList("eventIds", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }
}
