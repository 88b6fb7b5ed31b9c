package cn.minzheng.audit.projection;

import com.mongodb.MongoException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The documents of a projection that follows the chains by position ({@link ChainProjection}):
 * bucket documents in their own collection (each tagged with its generation {@code g}), one
 * watermark per generation and chain and the projection's state in {@value Projections#STATE}
 * (under {@code <stateId>} and {@code <stateId>/<generation>/<chain>}). Every read and write names
 * documents by {@code _id} (an index hit on MongoDB and on the Mongo-wire server alike), except
 * {@link #generation} (the bucket documents of one generation: a few thousand at most); only the
 * state document is updated conditionally (one small collection).
 */
public class GenerationStore {

    public static final int ID_BATCH = 500;

    private final String stateId;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> state;
    private final List<MongoCollection<Document>> companions;

    /**
     * @param companionCollections collections of documents derived from the buckets, each tagged with its
     *                             generation {@code g} like them: indexed and dropped with them
     */
    public GenerationStore(MongoDatabase database, String bucketCollection, String stateId,
            String... companionCollections) {
        this.stateId = stateId;
        this.buckets = database.getCollection(bucketCollection);
        this.state = database.getCollection(Projections.STATE);
        this.companions = java.util.Arrays.stream(companionCollections).map(database::getCollection).toList();
    }

    /**
     * The lookup index on the buckets' generation {@code g} (named {@code g_1}): a query over all of one
     * generation's buckets and the removal of a replaced generation are an index range on MongoDB and on
     * the BSON store instead of a scan of every generation's buckets.
     */
    public Mono<Void> createIndexes() {
        return Flux.concat(Mono.from(buckets.createIndex(Indexes.ascending("g"))),
                Flux.fromIterable(companions).concatMap(c -> c.createIndex(Indexes.ascending("g")))).then();
    }

    String watermarkId(int generation, String chain) {
        return stateId + "/" + generation + "/" + chain;
    }

    /** The state document, or an empty one. */
    public Mono<Document> state() {
        return Mono.from(state.find(Filters.eq("_id", stateId)).first()).defaultIfEmpty(new Document("_id", stateId));
    }

    /**
     * Sets {@code fields} on the state document when {@code building} is what it was read as
     * ({@code expectedBuilding}, null: no build); the document after, empty when someone else changed it first.
     */
    public Mono<Document> changeState(Integer expectedBuilding, Document fields) {
        Bson filter = Filters.and(Filters.eq("_id", stateId), Filters.eq("building", expectedBuilding));
        List<Bson> sets = new ArrayList<>();
        fields.forEach((k, v) -> sets.add(Updates.set(k, v)));
        return Mono.from(state.findOneAndUpdate(filter, Updates.combine(sets),
                new FindOneAndUpdateOptions().upsert(expectedBuilding == null).returnDocument(ReturnDocument.AFTER)))
                .onErrorResume(GenerationStore::isDuplicateKey, e -> Mono.empty());
    }

    /** Two instances raced to create the state document: the loser changed nothing. */
    public static boolean isDuplicateKey(Throwable e) {
        return (e instanceof MongoException m && m.getCode() == 11000)
                || (e.getMessage() != null && e.getMessage().contains("E11000"));
    }

    /** Progress of a build, written as it goes (no condition: only the build writes these fields). */
    public Mono<Void> progress(Document fields) {
        List<Bson> sets = new ArrayList<>();
        fields.forEach((k, v) -> sets.add(Updates.set(k, v)));
        return Mono.from(state.updateOne(Filters.eq("_id", stateId), Updates.combine(sets))).then();
    }

    /** Sets {@code fields} on the state document, creating it if there is none yet. */
    public Mono<Void> mark(Document fields) {
        List<Bson> sets = new ArrayList<>();
        fields.forEach((k, v) -> sets.add(Updates.set(k, v)));
        return Mono.from(state.updateOne(Filters.eq("_id", stateId), Updates.combine(sets), new UpdateOptions().upsert(true)))
                .then()
                .onErrorResume(GenerationStore::isDuplicateKey, e -> progress(fields));
    }

    /** The highest sequence of {@code chain} projected into {@code generation} (0: none). */
    public Mono<Long> watermark(int generation, String chain) {
        return Mono.from(state.find(Filters.eq("_id", watermarkId(generation, chain))).first())
                .map(d -> ((Number) d.get("sequence")).longValue()).defaultIfEmpty(0L);
    }

    /** Every watermark of a generation: chain → sequence. */
    public Mono<Map<String, Long>> watermarks(int generation, List<String> chains) {
        List<String> ids = chains.stream().map(c -> watermarkId(generation, c)).toList();
        return Flux.from(state.find(Filters.in("_id", ids)))
                .collectMap(d -> d.getString("chain"), d -> ((Number) d.get("sequence")).longValue())
                .map(m -> (Map<String, Long>) new HashMap<>(m));
    }

    public Mono<Void> advance(int generation, String chain, long sequence) {
        return Mono.from(state.updateOne(Filters.eq("_id", watermarkId(generation, chain)),
                Updates.combine(Updates.max("sequence", sequence), Updates.set("chain", chain),
                        Updates.set("generation", generation)),
                new UpdateOptions().upsert(true))).then();
    }

    /** Bucket documents by id (batches of {@value #ID_BATCH}, {@code _id $in}). */
    public Flux<Document> buckets(List<String> ids) {
        return Flux.fromIterable(ids).buffer(ID_BATCH)
                .concatMap(batch -> Flux.from(buckets.find(Filters.in("_id", batch)).batchSize(ID_BATCH)));
    }

    /** One unordered bulk of upserts by {@code _id}. */
    public Mono<Void> write(Map<String, List<Bson>> updatesById, int generation) {
        if (updatesById.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(updatesById.size());
        updatesById.forEach((id, ops) -> {
            List<Bson> all = new ArrayList<>(ops);
            all.add(Updates.setOnInsert("g", generation));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(all), new UpdateOptions().upsert(true)));
        });
        return Mono.from(buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    /** Every bucket document of a generation (the buckets of a projection are few: one per day at most). */
    public Flux<Document> generation(int generation) {
        return Flux.from(buckets.find(Filters.eq("g", generation)).batchSize(ID_BATCH));
    }

    /** Removes a generation that is no longer read (after a rebuild replaced it). */
    public Mono<Void> drop(int generation) {
        return Mono.from(buckets.deleteMany(Filters.eq("g", generation)))
                .thenMany(Flux.fromIterable(companions).concatMap(c -> c.deleteMany(Filters.eq("g", generation))))
                .then(Mono.from(state.deleteMany(Filters.eq("generation", generation))))
                .then();
    }
}
