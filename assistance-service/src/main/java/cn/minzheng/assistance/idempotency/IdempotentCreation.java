package cn.minzheng.assistance.idempotency;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating POSTs: the first request with a key claims it (unique
 * {@code _id} = subject + key) and records the id it created; a retry with the same body gets that id
 * back; the same key with another body is 422. Keys older than 24 h are ignored and replaced (expiry
 * by code, no TTL index).
 * <p>
 * Local stand-in until the service kit's idempotency support is READY.
 */
@Component
public class IdempotentCreation {
    static final String COLLECTION = "idempotency_keys";
    static final Duration LIFETIME = Duration.ofHours(24);
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public IdempotentCreation(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per (subject, key, body). Emits the created id and whether it is a replay.
     */
    public Mono<Result> run(String subject, String key, String body, Supplier<Mono<String>> create) {
        if (key == null || key.isBlank()) {
            return create.get().map(id -> new Result(id, false));
        }
        if (key.length() > 128) {
            return Mono.error(new UnprocessableProblem("idempotency-key-invalid"));
        }
        String id = subject + "|" + key;
        String hash = sha256(body);
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("hash", hash).append("createdAt", now.toString());
        return mongo.insert(claim, COLLECTION)
                .then(Mono.defer(create))
                .flatMap(created -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        Update.update("resultId", created), COLLECTION).thenReturn(new Result(created, false)))
                .onErrorResume(e -> !(e instanceof DuplicateKeyException) ? mongo.remove(
                        Query.query(Criteria.where("_id").is(id).and("resultId").exists(false)), COLLECTION)
                        .then(Mono.error(e)) : Mono.error(e))
                .onErrorResume(DuplicateKeyException.class, dup -> mongo.findById(id, Document.class, COLLECTION)
                        .flatMap(existing -> replay(existing, hash, now, id, body, subject, key, create)));
    }

    private Mono<Result> replay(Document existing, String hash, Instant now, String id, String body, String subject,
                                String key, Supplier<Mono<String>> create) {
        Instant created = Instant.parse(existing.getString("createdAt"));
        if (created.plus(LIFETIME).isBefore(now)) {
            return mongo.remove(Query.query(Criteria.where("_id").is(id).and("createdAt").is(existing.get("createdAt"))),
                    COLLECTION).then(Mono.defer(() -> run(subject, key, body, create)));
        }
        if (!hash.equals(existing.getString("hash"))) {
            return Mono.error(new UnprocessableProblem("idempotency-key-reused"));
        }
        String result = existing.getString("resultId");
        if (result == null) {
            return Mono.error(new ConflictProblem("idempotency-key-in-progress"));
        }
        return Mono.just(new Result(result, true));
    }

    public record Result(String id, boolean replayed) {
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
