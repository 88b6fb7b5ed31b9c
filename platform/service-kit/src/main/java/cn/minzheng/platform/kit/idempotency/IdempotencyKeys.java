package cn.minzheng.platform.kit.idempotency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoServerException;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The Mongo collection {@code idempotency_keys} (unique index on key + subject). Claiming a key is
 * an insert: of two concurrent requests with one key exactly one insert succeeds.
 */
public class IdempotencyKeys {

    public static final String COLLECTION = "idempotency_keys";

    /** A stored first response. */
    public record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** What is on record for a key. */
    public record KeyRecord(Object id, String requestHash, boolean completed, Instant expiresAt, Instant inFlightUntil,
                            StoredResponse response) {
    }

    private final ReactiveMongoTemplate mongo;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyKeys(ReactiveMongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Emits empty when this request now owns the key, or the existing record when it was taken. */
    public Mono<KeyRecord> claim(String key, String subject, String requestHash) {
        Instant now = clock.instant();
        var doc = new Document("key", key).append("subject", subject).append("requestHash", requestHash)
                .append("state", "IN_FLIGHT").append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(properties.ttl())))
                .append("inFlightUntil", Date.from(now.plus(properties.inFlightLease())));
        return collection().flatMap(c -> Mono.from(c.insertOne(doc)))
                .then(Mono.<KeyRecord>empty())
                .onErrorResume(IdempotencyKeys::isDuplicateKey, duplicate -> find(key, subject)
                        // deleted between our insert and our read: someone released it; report as in flight
                        .defaultIfEmpty(new KeyRecord(null, requestHash, false, null, null, null)));
    }

    public Mono<KeyRecord> find(String key, String subject) {
        return collection().flatMap(c -> Mono.from(c.find(and(eq("key", key), eq("subject", subject))).first()))
                .map(IdempotencyKeys::toRecord);
    }

    public Mono<Void> complete(String key, String subject, StoredResponse response) {
        var headers = new Document();
        response.headers().forEach(headers::append);
        var stored = new Document("status", response.status()).append("headers", headers)
                .append("body", new Binary(response.body()));
        return collection().flatMap(c -> Mono.from(c.updateOne(and(eq("key", key), eq("subject", subject)),
                Updates.combine(Updates.set("state", "DONE"), Updates.set("response", stored),
                        Updates.unset("inFlightUntil"))))).then();
    }

    /** Forgets a key whose first request failed, so a retry executes again. */
    public Mono<Void> release(String key, String subject) {
        return collection().flatMap(c -> Mono.from(c.deleteOne(and(eq("key", key), eq("subject", subject),
                eq("state", "IN_FLIGHT"))))).then();
    }

    /** Removes one stale record (expired or abandoned) so the key can be claimed again. */
    public Mono<Void> forget(KeyRecord stale) {
        if (stale.id() == null) {
            return Mono.empty();
        }
        return collection().flatMap(c -> Mono.from(c.deleteOne(eq("_id", stale.id())))).then();
    }

    /** Deletes every expired key; emits how many. */
    public Mono<Long> deleteExpired() {
        return collection().flatMap(c -> Mono.from(c.deleteMany(lt("expiresAt", Date.from(clock.instant())))))
                .map(r -> r.getDeletedCount());
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }

    @SuppressWarnings("unchecked")
    private static KeyRecord toRecord(Document doc) {
        StoredResponse response = null;
        Document stored = doc.get("response", Document.class);
        if (stored != null) {
            var headers = new java.util.LinkedHashMap<String, List<String>>();
            Document h = stored.get("headers", Document.class);
            if (h != null) {
                h.forEach((name, values) -> headers.put(name, (List<String>) values));
            }
            Binary body = stored.get("body", Binary.class);
            response = new StoredResponse(stored.getInteger("status"), headers, body == null ? new byte[0] : body.getData());
        }
        Date inFlight = doc.getDate("inFlightUntil");
        return new KeyRecord(doc.get("_id"), doc.getString("requestHash"), "DONE".equals(doc.getString("state")),
                doc.getDate("expiresAt").toInstant(), inFlight == null ? null : inFlight.toInstant(), response);
    }

    static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoServerException server && server.getCode() == 11000
                || (error.getMessage() != null && error.getMessage().contains("E11000"));
    }
}
