package cn.minzheng.audit.checkpoint;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Signed checkpoints, one per chain and sequence (insert-only; a second signer of the same head is a no-op). */
public class CheckpointStore {

    public static final String COLLECTION = "checkpoints";

    private final MongoCollection<Document> checkpoints;

    public CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION);
    }

    public Mono<Void> createIndexes() {
        return Mono.from(checkpoints.createIndex(Indexes.ascending("chain", "sequence"),
                new IndexOptions().unique(true).name("chain_sequence_unique"))).then();
    }

    public Mono<Void> insert(Checkpoint c) {
        Document d = new Document("_id", c.chain() + "#" + c.sequence())
                .append("chain", c.chain()).append("sequence", c.sequence()).append("hash", c.hash())
                .append("signedAt", c.signedAt()).append("keyId", c.keyId()).append("signature", c.signature());
        return Mono.from(checkpoints.insertOne(d))
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .then();
    }

    public Mono<Checkpoint> latest(String chain) {
        return Mono.from(checkpoints.find(Filters.eq("chain", chain)).sort(Sorts.descending("sequence")).first())
                .map(CheckpointStore::fromDocument);
    }

    /** A chain's checkpoints, newest first (read lazily: callers usually take the first valid one). */
    public Flux<Checkpoint> newestFirst(String chain) {
        return Flux.from(checkpoints.find(Filters.eq("chain", chain)).sort(Sorts.descending("sequence")).batchSize(16))
                .map(CheckpointStore::fromDocument);
    }

    /** Checkpoints of a chain with sequence in [from, to] (to null = no upper bound), by sequence. */
    public Flux<Checkpoint> of(String chain, long from, Long to) {
        Bson filter = to == null
                ? Filters.and(Filters.eq("chain", chain), Filters.gte("sequence", from))
                : Filters.and(Filters.eq("chain", chain), Filters.gte("sequence", from), Filters.lte("sequence", to));
        return Flux.from(checkpoints.find(filter).sort(Sorts.ascending("sequence"))).map(CheckpointStore::fromDocument);
    }

    private static Checkpoint fromDocument(Document d) {
        return new Checkpoint(d.getString("chain"), ((Number) d.get("sequence")).longValue(), d.getString("hash"),
                d.getString("signedAt"), d.getString("keyId"), d.getString("signature"));
    }
}
