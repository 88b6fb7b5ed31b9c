package cn.minzheng.audit.search;

import cn.minzheng.audit.chain.RecordDocuments;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

/** Finds records for search, timeline, export and statistics. Reads only. */
public class RecordSearchStore {

    static final int ID_BATCH = 500;

    private final MongoCollection<Document> records;

    public RecordSearchStore(MongoDatabase database) {
        this.records = database.getCollection(RecordDocuments.COLLECTION);
    }

    /** Records matching the query (its region already narrowed to the caller's scope), in (time, id) order. */
    public Flux<Document> find(RecordQuery q, int max) {
        return Flux.from(records.find(filter(q)).sort(Sorts.ascending("timeMs", "_id")).limit(max).batchSize(500));
    }

    /** Records matching the query in (chain, sequence) order, for exports that carry the chain data. */
    public Flux<Document> findInChainOrder(RecordQuery q, int max) {
        return Flux.from(records.find(filter(q)).sort(Sorts.ascending("chain", "sequence")).limit(max).batchSize(500));
    }

    /**
     * Every record of one subject within a region prefix, in time order, then chain order; the
     * trail's own read records ({@code excludedType}, may be null) left out.
     */
    public Flux<Document> timeline(String subject, String regionPrefix, String excludedType, int max) {
        Bson filter = Filters.and(Filters.eq("subject", subject), region(regionPrefix));
        if (excludedType != null) {
            filter = Filters.and(filter, Filters.ne("type", excludedType));
        }
        return Flux.from(records.find(filter)
                .sort(Sorts.ascending("timeMs", "chain", "sequence")).limit(max));
    }

    /**
     * The records with these event ids, in no particular order: {@code eventId $in} batches of
     * {@value #ID_BATCH}, exactly the unique event-id index (an index hit on MongoDB and on the
     * Mongo-wire server, which any additional condition would turn into a full scan — callers
     * filter in memory).
     */
    public Flux<Document> byEventIds(List<String> eventIds) {
        return Flux.fromIterable(eventIds).buffer(ID_BATCH)
                .concatMap(batch -> Flux.from(records.find(Filters.in("eventId", batch)).batchSize(ID_BATCH)));
    }

    /** Counts of records matching the query, grouped by one derived field. */
    public Flux<Document> countBy(RecordQuery q, String field) {
        return Flux.from(records.aggregate(List.of(
                Aggregates.match(filter(q)),
                Aggregates.group("$" + field, Accumulators.sum("count", 1)),
                Aggregates.sort(Sorts.ascending("_id")))));
    }

    static Bson filter(RecordQuery q) {
        List<Bson> all = new ArrayList<>();
        all.add(region(q.region()));
        if (q.actor() != null) {
            all.add(Filters.eq("actorId", q.actor()));
        }
        if (q.type() != null) {
            all.add(Filters.eq("type", q.type()));
        }
        if (q.subject() != null) {
            all.add(Filters.eq("subject", q.subject()));
        }
        Document range = timeRange(q);
        if (!range.isEmpty()) {
            all.add(new Document("timeMs", range));
        }
        if (q.after() != null) {
            all.add(Filters.or(Filters.gt("timeMs", q.after().timeMs()),
                    Filters.and(Filters.eq("timeMs", q.after().timeMs()), Filters.gt("_id", q.after().id()))));
        }
        return Filters.and(all);
    }

    /**
     * The time range a query reads, as <em>one</em> condition on {@code timeMs}: from the later of
     * {@code from} and the cursor's time (the cursor's own {@code $or} implies it, so the answer is
     * the same) up to {@code to}. One two-sided condition is what an index range needs: the embedded
     * store's planner takes the first condition it finds on a field, so separate {@code $gte} and
     * {@code $lt} conditions (as before) read everything after {@code from}, and each later page read
     * again from {@code from} instead of from its cursor (issue 20 item 7).
     */
    static Document timeRange(RecordQuery q) {
        Long lower = q.from() == null ? null : q.from().toEpochMilli();
        if (q.after() != null && (lower == null || q.after().timeMs() > lower)) {
            lower = q.after().timeMs();
        }
        Document range = new Document();
        if (lower != null) {
            range.append("$gte", lower);
        }
        if (q.to() != null) {
            range.append("$lt", q.to().toEpochMilli());
        }
        return range;
    }

    /** Region prefixes are digits only (checked by {@link RecordQuery} and {@link RegionScope}). */
    private static Bson region(String prefix) {
        return prefix == null || prefix.isEmpty() ? Filters.exists("regionCode") : Filters.regex("regionCode", "^" + prefix);
    }
}
