package cn.minzheng.audit.chain;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chains in Mongo: records (append-only; unique event id, unique chain+sequence) and one head
 * document per chain. Only inserts and finds touch records; there is no update or delete of a record.
 */
public class ChainStore {

    public static final String HEADS = "chain_heads";

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> heads;

    public ChainStore(MongoDatabase database) {
        this.records = database.getCollection(RecordDocuments.COLLECTION);
        this.heads = database.getCollection(HEADS);
    }

    /** Unique indexes the chain's integrity rests on, plus the lookup indexes of search and timeline. */
    public Mono<Void> createIndexes() {
        return Flux.concat(
                records.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("eventId_unique")),
                records.createIndex(Indexes.ascending("chain", "sequence"),
                        new IndexOptions().unique(true).name("chain_sequence_unique")),
                records.createIndex(Indexes.ascending("subject", "timeMs")),
                records.createIndex(Indexes.ascending("timeMs")),
                records.createIndex(Indexes.ascending("actorId", "timeMs")),
                records.createIndex(Indexes.ascending("type", "timeMs")),
                records.createIndex(Indexes.ascending("regionCode", "timeMs")))
                .then();
    }

    /**
     * The true head of a chain: the stored head document, moved forward over any records written
     * after it (an instance that stopped between inserting records and advancing the head).
     */
    public Mono<ChainHead> head(String chain) {
        return Mono.from(heads.find(Filters.eq("_id", chain)).first())
                .map(d -> new ChainHead(chain, ((Number) d.get("sequence")).longValue(), d.getString("hash")))
                .defaultIfEmpty(ChainHead.empty(chain))
                .flatMap(stored -> Flux.from(records.find(Filters.and(Filters.eq("chain", chain),
                                Filters.gt("sequence", stored.sequence())))
                                .sort(Sorts.ascending("sequence")))
                        .map(RecordDocuments::fromDocument)
                        .reduce(stored, (head, r) -> r.sequence() == head.sequence() + 1
                                ? new ChainHead(chain, r.sequence(), r.hash()) : head));
    }

    /** Every head document (the chains this store knows). */
    public Flux<ChainHead> heads() {
        return Flux.from(heads.find().sort(Sorts.ascending("_id")))
                .map(d -> new ChainHead(d.getString("_id"), ((Number) d.get("sequence")).longValue(), d.getString("hash")));
    }

    /** Which of these event ids are stored already. */
    public Mono<Set<String>> storedEventIds(Collection<String> eventIds) {
        return Flux.from(records.find(Filters.in("eventId", eventIds)).projection(new Document("eventId", 1)))
                .map(d -> d.getString("eventId"))
                .collect(HashSet::new, Set::add);
    }

    /**
     * Inserts consecutive records of one chain, in order. A duplicate key (another instance or an
     * earlier attempt got there first) is a {@link ChainConflict}; records before it stay stored.
     */
    public Mono<Void> insert(List<AuditRecord> chained) {
        if (chained.isEmpty()) {
            return Mono.empty();
        }
        List<Document> docs = chained.stream().map(RecordDocuments::toDocument).toList();
        return Mono.from(records.insertMany(docs, new InsertManyOptions().ordered(true)))
                .onErrorMap(ChainStore::isDuplicateKey, e -> new ChainConflict(chained.get(0).chain(), e))
                .then();
    }

    /** Moves the head document forward (never back). */
    public Mono<Void> advanceHead(ChainHead head) {
        Bson set = Updates.combine(Updates.set("sequence", head.sequence()), Updates.set("hash", head.hash()),
                Updates.set("updatedAt", Instant.now().toString()));
        return Mono.from(heads.updateOne(Filters.and(Filters.eq("_id", head.chain()),
                        Filters.lt("sequence", head.sequence())), set))
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.empty()
                        : Mono.from(heads.insertOne(new Document("_id", head.chain())
                                        .append("sequence", head.sequence()).append("hash", head.hash())
                                        .append("updatedAt", Instant.now().toString())))
                                .onErrorResume(ChainStore::isDuplicateKey, e -> Mono.empty()))
                .then();
    }

    /** Records of a chain from {@code from} to {@code to} (inclusive; null = to the end), by sequence. */
    public Flux<AuditRecord> range(String chain, long from, Long to) {
        Bson filter = to == null
                ? Filters.and(Filters.eq("chain", chain), Filters.gte("sequence", from))
                : Filters.and(Filters.eq("chain", chain), Filters.gte("sequence", from), Filters.lte("sequence", to));
        return Flux.from(records.find(filter).sort(Sorts.ascending("sequence")).batchSize(1000))
                .map(RecordDocuments::fromDocument);
    }

    public Mono<AuditRecord> record(String chain, long sequence) {
        return Mono.from(records.find(Filters.eq("_id", RecordDocuments.id(chain, sequence))).first())
                .map(RecordDocuments::fromDocument);
    }

    public Mono<Long> count() {
        return Mono.from(records.countDocuments());
    }

    static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Someone else appended to the chain (or stored one of the events) first. */
    public static final class ChainConflict extends RuntimeException {
        public ChainConflict(String chain, Throwable cause) {
            super("concurrent append to chain " + chain, cause);
        }
    }
}
