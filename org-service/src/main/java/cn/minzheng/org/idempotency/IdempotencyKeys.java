package cn.minzheng.org.idempotency;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Local stand-in for the kit's {@code Idempotency-Key} support (not ready when this was written).
 * The key (per caller) is reserved with the id of the resource it creates, by one atomic insert,
 * before the resource is created: a retry with the same body gets the same resource, another body a
 * 422. Keys expire after 24 h by code (no TTL index: the embedded store ignores it).
 */
public class IdempotencyKeys {
    static final String COLLECTION = "idempotency_keys";
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lifetime;

    public IdempotencyKeys(ReactiveMongoTemplate mongo, Clock clock, Duration lifetime) {
        this.mongo = mongo;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * @param create   creates the resource with the given id
     * @param existing loads the resource created by the first request
     */
    public <T> Mono<T> once(String subject, String key, String requestBody, String newId,
                            Function<String, Mono<T>> create, Function<String, Mono<T>> existing) {
        if (key == null || key.isBlank()) {
            return create.apply(newId);
        }
        if (key.length() > 200) {
            return Mono.error(new UnprocessableProblem("idempotency-key-too-long"));
        }
        String id = subject + "|" + key;
        String hash = sha256(requestBody);
        Date now = Date.from(clock.instant());
        Document reservation = new Document("_id", id).append("hash", hash).append("resourceId", newId)
                .append("expiresAt", Date.from(clock.instant().plus(lifetime)));
        Mono<Void> dropExpired = mongo.remove(new Query(Criteria.where("_id").is(id).and("expiresAt").lt(now)), COLLECTION).then();
        return dropExpired.then(mongo.insert(reservation, COLLECTION))
                .flatMap(saved -> create.apply(newId)
                        .onErrorResume(e -> mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION).then(Mono.error(e))))
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(id, Document.class, COLLECTION)
                        .switchIfEmpty(Mono.error(new ConflictProblem("idempotency-key-in-use")))
                        .flatMap(first -> hash.equals(first.getString("hash"))
                                ? existing.apply(first.getString("resourceId"))
                                        .switchIfEmpty(Mono.error(new ConflictProblem("idempotency-key-in-use")))
                                : Mono.error(new UnprocessableProblem("idempotency-key-reused"))));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
