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
import java.util.ArrayList;
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
    /** Record ids probed at once past the head document. */
    static final int HEAD_PROBE = 32;
    /** Record ids read per query when a chain is walked. */
    static final int WALK_BATCH = 500;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> heads;

    public ChainStore(MongoDatabase database) {
        this.records = database.getCollection(RecordDocuments.COLLECTION);
        this.heads = database.getCollection(HEADS);
    }

    /**
     * Unique indexes the chain's integrity rests on, plus the lookup indexes of search and timeline.
     * Search filters by actor, type or region within a time range and pages in ({@code timeMs},
     * {@code _id}) order with a cursor on both: each search index ends with {@code timeMs, _id}, so
     * MongoDB reads a page as one index range in the requested order (no in-memory sort of every
     * match). Indexes of earlier versions without {@code _id} ({@code actorId_1_timeMs_1},
     * {@code type_1_timeMs_1}, {@code regionCode_1_timeMs_1}, {@code timeMs_1}) are left in place
     * and may be dropped.
     */
    public Mono<Void> createIndexes() {
        return Flux.concat(
                records.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("eventId_unique")),
                records.createIndex(Indexes.ascending("chain", "sequence"),
                        new IndexOptions().unique(true).name("chain_sequence_unique")),
                records.createIndex(Indexes.ascending("subject", "timeMs")),
                records.createIndex(Indexes.ascending("timeMs", "_id")),
                records.createIndex(Indexes.ascending("actorId", "timeMs", "_id")),
                records.createIndex(Indexes.ascending("type", "timeMs", "_id")),
                records.createIndex(Indexes.ascending("regionCode", "timeMs", "_id")))
                .then();
    }

    /**
     * The true head of a chain: the stored head document, moved forward over any records written
     * after it (an instance that stopped between inserting records and advancing the head).
     *
     * <p>Cost O(1) in the trail's size on every store: one {@code _id} lookup of the head document,
     * then {@code _id $in} probes of the next {@value #HEAD_PROBE} record ids (unique {@code _id}
     * index hits; usually none are found). A range query on {@code sequence} would be a full
     * collection scan on the Mongo-wire server, which answers only equality and {@code $in} on a
     * single-field unique index from the index.
     */
    public Mono<ChainHead> head(String chain) {
        return Mono.from(heads.find(Filters.eq("_id", chain)).first())
                .map(d -> new ChainHead(chain, ((Number) d.get("sequence")).longValue(), d.getString("hash")))
                .defaultIfEmpty(ChainHead.empty(chain))
                .flatMap(this::forward);
    }

    /** Follows the records stored after {@code from}, {@value #HEAD_PROBE} ids per probe. */
    private Mono<ChainHead> forward(ChainHead from) {
        String chain = from.chain();
        return Flux.from(records.find(Filters.in("_id", ids(chain, from.sequence() + 1, from.sequence() + HEAD_PROBE)))
                        .sort(Sorts.ascending("sequence")))
                .map(RecordDocuments::fromDocument)
                .reduce(from, (head, r) -> chain.equals(r.chain()) && r.sequence() == head.sequence() + 1
                        ? new ChainHead(chain, r.sequence(), r.hash()) : head)
                .flatMap(h -> h.sequence() == from.sequence() + HEAD_PROBE ? forward(h) : Mono.just(h));
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
     * A record that cannot be turned into its document at all is an {@link UnstorableRecord}
     * (nothing of the list is written then).
     */
    public Mono<Void> insert(List<AuditRecord> chained) {
        if (chained.isEmpty()) {
            return Mono.empty();
        }
        List<Document> docs = new ArrayList<>(chained.size());
        for (AuditRecord r : chained) {
            try {
                docs.add(RecordDocuments.toDocument(r));
            } catch (RuntimeException e) {
                return Mono.error(new UnstorableRecord(r.eventId(), e));
            }
        }
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

    /**
     * Records of a chain from {@code from} to {@code to} (inclusive), by sequence: the record ids
     * {@code <chain>#<sequence>} in consecutive batches of {@value #WALK_BATCH}, each one
     * {@code _id $in} query (index hits on every store, sorted by sequence within the batch), the
     * next batch read while the current one is walked. Cost O(range), memory O(batch); a missing
     * record simply does not come back, which the walk reports as {@code MISSING}.
     */
    public Flux<AuditRecord> range(String chain, long from, long to) {
        return range(chain, from, to, WALK_BATCH);
    }

    Flux<AuditRecord> range(String chain, long from, long to, int batch) {
        if (to < from) {
            return Flux.empty();
        }
        long batches = (to - from) / batch + 1;
        return Flux.range(0, Math.toIntExact(batches))
                .map(i -> from + (long) i * batch)
                .flatMapSequential(start -> Flux.from(records.find(Filters.in("_id",
                                        ids(chain, start, Math.min(to, start + batch - 1))))
                                .sort(Sorts.ascending("sequence")).batchSize(batch))
                        .map(RecordDocuments::fromDocument)
                        .collectList(), 2, 1)
                .concatMapIterable(list -> list);
    }

    private static List<String> ids(String chain, long from, long to) {
        List<String> ids = new ArrayList<>((int) (to - from + 1));
        for (long s = from; s <= to; s++) {
            ids.add(RecordDocuments.id(chain, s));
        }
        return ids;
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

    /**
     * A record with no stored form: turning it into its document failed (pure code, no I/O), so
     * it fails the same way on every attempt.
     */
    public static final class UnstorableRecord extends RuntimeException {
        private final String eventId;

        public UnstorableRecord(String eventId, Throwable cause) {
            super("event " + eventId + " has no stored form: " + cause, cause);
            this.eventId = eventId;
        }

        public String eventId() {
            return eventId;
        }
    }

    /** Someone else appended to the chain (or stored one of the events) first. */
    public static final class ChainConflict extends RuntimeException {
        public ChainConflict(String chain, Throwable cause) {
            super("concurrent append to chain " + chain, cause);
        }
    }
}
