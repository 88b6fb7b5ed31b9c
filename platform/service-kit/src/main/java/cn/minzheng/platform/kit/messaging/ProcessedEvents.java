package cn.minzheng.platform.kit.messaging;

import com.mongodb.MongoServerException;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Consumer-side dedupe (delivery is at-least-once): collection {@code processed_events} with a
 * unique index on (consumer, eventId). {@link #markIfFirst} is one insert, so it is atomic.
 *
 * <p>Use it in the same step as the effect when you can (e.g. write the effect keyed by event id);
 * otherwise mark first and make the effect idempotent, or mark after the effect succeeded.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True the first time this consumer sees {@code eventId}, false on every redelivery. */
    public Mono<Boolean> markIfFirst(String consumer, String eventId) {
        var doc = new Document("consumer", consumer).append("eventId", eventId)
                .append("processedAt", Date.from(clock.instant()));
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.insertOne(doc)))
                .thenReturn(true)
                .onErrorResume(ProcessedEvents::isDuplicateKey, duplicate -> Mono.just(false));
    }

    /** Forget a mark (when the effect after {@link #markIfFirst} failed and must run again). */
    public Mono<Void> unmark(String consumer, String eventId) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.deleteOne(new Document("consumer", consumer).append("eventId", eventId))))
                .then();
    }

    static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoServerException server && server.getCode() == 11000
                || (error.getMessage() != null && error.getMessage().contains("E11000"));
    }

}
