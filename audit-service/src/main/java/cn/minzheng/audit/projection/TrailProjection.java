package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.IncomingEvent;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/**
 * A read model derived from the trail, kept in the per-subject documents of
 * {@value Projections#SUBJECTS} (one per case or organization number). Ingest asks every
 * projection for its update operators of a batch and writes them as <em>one</em> upsert per
 * subject per batch (so adding a projection adds fields, not writes). Never part of a proof: the
 * records are the truth, a projection only makes a query cheap.
 *
 * <p>Updates must be idempotent and order-insensitive ({@code $set} of fields only this kind of
 * event writes, {@code $addToSet}), because ingest hands a redelivered batch over again and a
 * rebuild may run while ingest goes on. Field names of different projections must not overlap.
 */
public interface TrailProjection {

    /** A short name for logs. */
    String name();

    /** Lookup indexes its readers need (for MongoDB; the Mongo-wire server ignores non-unique ones). */
    Mono<Void> prepare(MongoCollection<Document> subjects);

    /** Update operators per subject for these events; subjects it has nothing to say about are left out. */
    Map<String, List<Bson>> updates(List<IncomingEvent> events);
}
