package cn.minzheng.platform.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import cn.minzheng.platform.events.EventEnvelope;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the {@code pendingEvents} of aggregate documents to Kafka and removes exactly the
 * published ones. Right after a write, {@link #publishPending} (or {@link #publishInBackground})
 * drains that one document; {@link #sweepOnce} (run every few seconds by {@link OutboxSweeper})
 * drains whatever was left behind by a crash or a Kafka outage.
 *
 * <p>Each drain first claims the document with one atomic {@code findOneAndUpdate} that sets
 * {@code outboxClaim: {owner, until, token}} only when the document is unclaimed or the claim expired, so
 * two instances never publish one document's events at the same time. The {@code token} is new for
 * every claim: the request-path drain and the sweep of one instance share the {@code owner}, and a
 * drain must only ever release its own claim, never one another drain took over after a lease
 * expiry. A drain starts no send that could still be running when its lease ends (the lease must
 * cover {@code delivery-timeout}); it hands the rest to its next claim round instead. Leases are
 * measured on the clock given here, which must be the wall clock, never a service's business clock
 * that tests or simulations move (a jump forward would expire live claims and publish twice). Events go out one after
 * another, in array order, keyed by the aggregate id; the claim is released with the
 * {@code $pull} of the published event ids. Delivery is at-least-once: a crash between the send and
 * the pull republishes, and consumers dedupe by event id.
 *
 * <p>A failed send stops that drain (order!), backs the relay off exponentially and is counted in
 * {@code outbox.publish.failures}; writes never wait for it.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ROUNDS = 5;
    static final String DEAD_FIELD = "deadEvents";

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final Map<String, String> topics;
    private final OutboxProperties properties;
    private final String owner;
    private final Clock clock;
    private final Backoff backoff;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestAge = new ConcurrentHashMap<>();

    public OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, Map<String, String> topics,
                       OutboxProperties properties, String owner, MeterRegistry registry, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.topics = Map.copyOf(new LinkedHashMap<>(topics));
        this.properties = properties;
        this.owner = owner;
        this.clock = clock;
        this.registry = registry;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(), clock);
        for (String collection : this.topics.keySet()) {
            var count = pending.computeIfAbsent(collection, c -> new AtomicLong());
            var age = oldestAge.computeIfAbsent(collection, c -> new AtomicLong());
            Gauge.builder("outbox.pending", count, AtomicLong::get).tag("collection", collection)
                    .description("events waiting in pendingEvents at the last sweep").register(registry);
            Gauge.builder("outbox.oldest.age.seconds", age, AtomicLong::get).tag("collection", collection)
                    .description("age of the oldest pending event at the last sweep").register(registry);
        }
    }

    /** The collections this relay serves and their topics. */
    public Map<String, String> topics() {
        return topics;
    }

    /** This instance's claim owner name. */
    public String owner() {
        return owner;
    }

    /**
     * Publishes every pending event of one document. Completes (never errors) when done, when the
     * document is claimed by someone else, or when publishing failed (the sweep retries later).
     */
    public Mono<Void> publishPending(String collection, Object id) {
        return drain(collection, id).then();
    }

    /** Fire-and-forget form for the request path: starts {@link #publishPending} and returns at once. */
    public void publishInBackground(String collection, Object id) {
        publishPending(collection, id).subscribe(null,
                error -> log.warn("outbox drain of {}/{} failed: {}", collection, id, error.toString()));
    }

    /** Sweeps every registered collection once; emits how many events were published. */
    public Mono<Long> sweepOnce() {
        return Flux.fromIterable(topics.keySet())
                .concatMap(this::sweepCollection)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> sweepCollection(String collection) {
        Instant now = clock.instant();
        return collection(collection)
                .flatMapMany(c -> Flux.from(c.find(exists(PendingEvents.FIELD + ".0"))
                        .projection(Projections.include(PendingEvents.FIELD))
                        .limit(properties.batchSize())))
                .collectList()
                .flatMap(documents -> {
                    long count = 0;
                    Instant oldest = null;
                    List<Object> ids = new ArrayList<>();
                    for (Document doc : documents) {
                        ids.add(doc.get("_id"));
                        for (Document event : doc.getList(PendingEvents.FIELD, Document.class, List.of())) {
                            count++;
                            Date time = event.getDate("time");
                            if (time != null && (oldest == null || time.toInstant().isBefore(oldest))) {
                                oldest = time.toInstant();
                            }
                        }
                    }
                    pending.get(collection).set(count);
                    oldestAge.get(collection).set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
                    return Flux.fromIterable(ids).concatMap(id -> drain(collection, id)).reduce(0L, Long::sum);
                })
                .onErrorResume(error -> {
                    log.warn("outbox sweep of {} failed: {}", collection, error.toString());
                    return Mono.just(0L);
                });
    }

    /** Drains one document in up to {@link #MAX_ROUNDS} claim rounds; emits the number published. */
    private Mono<Long> drain(String collection, Object id) {
        String topic = topics.get(collection);
        if (topic == null) {
            return Mono.error(new IllegalArgumentException("not an outbox collection: " + collection
                    + " (declare minzheng.outbox.collections." + collection + "=<topic>)"));
        }
        return round(collection, topic, id, 1).onErrorResume(error -> {
            log.warn("outbox drain of {}/{} failed: {}", collection, id, error.toString());
            return Mono.just(0L);
        });
    }

    private Mono<Long> round(String collection, String topic, Object id, int round) {
        if (!backoff.mayTry()) {
            return Mono.just(0L);
        }
        return collection(collection).flatMap(c -> claim(c, id)
                .flatMap(claimed -> publishInOrder(collection, topic, id, claimed)
                        .flatMap(outcome -> pullAndRelease(c, id, claimed, outcome)
                                .flatMap(more -> more && !outcome.failed() && round < MAX_ROUNDS
                                        ? round(collection, topic, id, round + 1).map(n -> n + outcome.published().size())
                                        : Mono.just((long) outcome.published().size()))))
                .defaultIfEmpty(0L));
    }

    /** A claim this drain holds: its token and until when the lease runs. */
    private record Claim(Document document, String token, Instant until) {
    }

    private Mono<Claim> claim(MongoCollection<Document> c, Object id) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        String token = UUID.randomUUID().toString();
        Bson claimable = and(idFilter(id), exists(PendingEvents.FIELD + ".0"),
                or(eq(PendingEvents.CLAIM_FIELD, null), lt(PendingEvents.CLAIM_FIELD + ".until", Date.from(now))));
        Bson setClaim = Updates.set(PendingEvents.CLAIM_FIELD,
                new Document("owner", owner).append("until", Date.from(until)).append("token", token));
        return Mono.from(c.findOneAndUpdate(claimable, setClaim, new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(PendingEvents.FIELD, PendingEvents.CLAIM_FIELD))))
                .map(document -> new Claim(document, token, until));
    }

    private record Outcome(List<String> published, List<Document> poisoned, boolean failed) {
    }

    private Mono<Outcome> publishInOrder(String collection, String topic, Object id, Claim claim) {
        List<Document> events = claim.document().getList(PendingEvents.FIELD, Document.class, List.of());
        List<String> published = new ArrayList<>();
        List<Document> poisoned = new ArrayList<>();
        String key = String.valueOf(id);
        var leaseEnding = new AtomicBoolean();
        return Flux.fromIterable(events)
                .concatMap(doc -> {
                    // the mapper runs when the previous send completed; the first send of a claim always goes
                    boolean first = published.isEmpty() && poisoned.isEmpty();
                    if (leaseEnding.get() || !first
                            && clock.instant().plus(properties.deliveryTimeout()).isAfter(claim.until())) {
                        leaseEnding.set(true);
                        return Mono.empty();
                    }
                    EventEnvelope envelope;
                    try {
                        envelope = OutboxEvent.fromDocument(doc).toEnvelope();
                    } catch (RuntimeException malformed) {
                        log.error("outbox event {} in {}/{} is malformed and moved to {}: {}", doc.get("id"),
                                collection, id, DEAD_FIELD, malformed.toString());
                        poisoned.add(doc);
                        return Mono.empty();
                    }
                    return publisher.publish(topic, key, envelope).then(Mono.fromRunnable(() -> {
                        published.add(envelope.id());
                        counter("outbox.published", collection).increment();
                        backoff.succeeded();
                    }));
                })
                .then(Mono.fromSupplier(() -> new Outcome(published, poisoned, false)))
                .onErrorResume(error -> {
                    counter("outbox.publish.failures", collection).increment();
                    Duration wait = backoff.failed();
                    log.warn("outbox publish to {} for {}/{} failed, {} published, backing off {}: {}", topic,
                            collection, id, published.size(), wait, error.toString());
                    return Mono.just(new Outcome(published, poisoned, true));
                });
    }

    /** Pulls the published (and poisoned) events and releases our claim; emits whether events remain. */
    private Mono<Boolean> pullAndRelease(MongoCollection<Document> c, Object id, Claim claim, Outcome outcome) {
        List<Object> done = new ArrayList<>(outcome.published());
        outcome.poisoned().forEach(p -> done.add(p.get("id")));
        List<Bson> changes = new ArrayList<>();
        if (!done.isEmpty()) {
            changes.add(Updates.pullByFilter(new Document(PendingEvents.FIELD,
                    new Document("id", new Document("$in", done)))));
        }
        if (!outcome.poisoned().isEmpty()) {
            changes.add(Updates.pushEach(DEAD_FIELD, outcome.poisoned()));
        }
        List<Bson> withRelease = new ArrayList<>(changes);
        withRelease.add(Updates.unset(PendingEvents.CLAIM_FIELD));
        var options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(PendingEvents.FIELD));
        Mono<Document> ours = Mono.from(c.findOneAndUpdate(
                and(idFilter(id), eq(PendingEvents.CLAIM_FIELD + ".token", claim.token())), Updates.combine(withRelease), options));
        // our lease ran out and another drain (maybe of this instance) holds the document now: still
        // remove what we sent, but leave its claim alone
        Mono<Document> theirs = changes.isEmpty() ? Mono.empty()
                : Mono.from(c.findOneAndUpdate(idFilter(id), Updates.combine(changes), options));
        return ours.switchIfEmpty(theirs)
                .map(doc -> !doc.getList(PendingEvents.FIELD, Document.class, List.of()).isEmpty())
                .defaultIfEmpty(false);
    }

    /**
     * Spring Data stores a String id that looks like an ObjectId as an ObjectId: match either form,
     * so services can pass the id as their entity holds it.
     */
    static Bson idFilter(Object id) {
        if (id instanceof String text && ObjectId.isValid(text)) {
            return in("_id", text, new ObjectId(text));
        }
        return eq("_id", id);
    }

    private Mono<MongoCollection<Document>> collection(String name) {
        return mongo.getCollection(name);
    }

    private Counter counter(String name, String collection) {
        return Counter.builder(name).tag("collection", collection).register(registry);
    }
}
