package cn.minzheng.platform.kit.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import cn.minzheng.platform.events.EventEnvelope;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Each drain first claims the document: it reads it by {@code _id}, decides in code whether it is
 * unclaimed or its claim expired ({@link ClaimRule}), and sets {@code outboxClaim: {owner, until, token}}
 * with one atomic {@code findOneAndUpdate} on exactly {@code {_id, outboxClaim.token}} = what it read
 * (compare-and-set), so two instances never publish one document's events at the same time. Every
 * filter of the per-document path is an equality on {@code _id} or on {@code {_id, outboxClaim.token}},
 * which the unique index {@value #CLAIM_INDEX} (made by the relay) serves on the Mongo-wire server as
 * well, where any other filter reads the whole collection. The {@code token} is new for
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
 * {@code outbox.publish.failures}; writes never wait for it. Documents a drain leaves unfinished
 * (failed, backed off, held by another drain, Mongo unreachable) are remembered and retried by
 * {@link #sweepDue()} by {@code _id}; the scan of whole collections ({@link #sweepOnce()}) runs only at
 * start, every {@code full-sweep-interval}, and again at once while it finds full batches.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ROUNDS = 5;
    static final String DEAD_FIELD = "deadEvents";
    static final String CLAIM_TOKEN = PendingEvents.CLAIM_FIELD + ".token";
    /** The unique index on {@code {_id, outboxClaim.token}} the relay makes in every outbox collection. */
    public static final String CLAIM_INDEX = "ux_outbox_claim";
    /** Unfinished documents remembered per collection; beyond that the next tick scans instead. */
    static final int MAX_UNFINISHED = 10_000;
    private static final Duration INDEX_RETRY = Duration.ofMinutes(1);

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
    private final Map<String, Mono<Void>> claimIndexes = new ConcurrentHashMap<>();
    private final Map<String, Set<Object>> unfinished = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextFullSweep = new AtomicReference<>(Instant.MIN);
    private final AtomicBoolean fullSweepWanted = new AtomicBoolean();

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
            unfinished.put(collection, ConcurrentHashMap.newKeySet());
            var count = pending.computeIfAbsent(collection, c -> new AtomicLong());
            var age = oldestAge.computeIfAbsent(collection, c -> new AtomicLong());
            Gauge.builder("outbox.pending", count, AtomicLong::get).tag("collection", collection)
                    .description("events waiting in pendingEvents at the last full sweep").register(registry);
            Gauge.builder("outbox.oldest.age.seconds", age, AtomicLong::get).tag("collection", collection)
                    .description("age of the oldest pending event at the last full sweep").register(registry);
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

    /**
     * Scans every registered collection once for documents with pending events (up to
     * {@code batch-size} each) and drains them; emits how many events were published. On the
     * Mongo-wire server each scan reads the whole collection: the background sweep calls it through
     * {@link #sweepDue()}, seldom.
     */
    public Mono<Long> sweepOnce() {
        return Mono.defer(() -> {
            nextFullSweep.set(clock.instant().plus(properties.fullSweepInterval()));
            fullSweepWanted.set(false);
            return Flux.fromIterable(topics.keySet())
                    .concatMap(this::sweepCollection)
                    .reduce(0L, Long::sum);
        });
    }

    /**
     * One tick of the background sweep: retries, by {@code _id}, the documents this relay's drains left
     * unfinished; and scans whole collections ({@link #sweepOnce()}) only when one is due: on the first
     * tick, after {@code full-sweep-interval}, when the last scan found a full batch, or when more
     * documents were unfinished than this relay remembers. Emits how many events were published.
     */
    public Mono<Long> sweepDue() {
        return Mono.defer(() -> {
            Mono<Long> retries = retryUnfinished();
            boolean scan = fullSweepWanted.get() || !clock.instant().isBefore(nextFullSweep.get());
            return scan ? retries.flatMap(retried -> sweepOnce().map(swept -> retried + swept)) : retries;
        });
    }

    /** Drains again every document a drain of this relay left unfinished; emits how many events were published. */
    public Mono<Long> retryUnfinished() {
        return Flux.fromIterable(unfinished.entrySet())
                .concatMap(entry -> Flux.fromIterable(List.copyOf(entry.getValue()))
                        .concatMap(id -> drain(entry.getKey(), id)))
                .reduce(0L, Long::sum);
    }

    /** How many documents of {@code collection} this relay remembers as unfinished. */
    public int unfinished(String collection) {
        Set<Object> ids = unfinished.get(collection);
        return ids == null ? 0 : ids.size();
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
                    if (documents.size() >= properties.batchSize()) {
                        fullSweepWanted.set(true); // more may be waiting behind this batch: scan again next tick
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

    /**
     * Drains one document in up to {@link #MAX_ROUNDS} claim rounds; emits the number published and
     * remembers the document for {@link #retryUnfinished()} unless it was left with nothing pending.
     */
    private Mono<Long> drain(String collection, Object id) {
        String topic = topics.get(collection);
        if (topic == null) {
            return Mono.error(new IllegalArgumentException("not an outbox collection: " + collection
                    + " (declare minzheng.outbox.collections." + collection + "=<topic>)"));
        }
        return round(collection, topic, id, 1)
                .onErrorResume(error -> {
                    log.warn("outbox drain of {}/{} failed: {}", collection, id, error.toString());
                    return Mono.just(new Drained(0, false));
                })
                .map(drained -> {
                    remember(collection, id, drained.settled());
                    return drained.published();
                });
    }

    private void remember(String collection, Object id, boolean settled) {
        Set<Object> ids = unfinished.get(collection);
        if (settled) {
            ids.remove(id);
        } else if (ids.size() < MAX_UNFINISHED || ids.contains(id)) {
            ids.add(id);
        } else {
            fullSweepWanted.set(true);
        }
    }

    /** What a drain did: events published, and whether it saw the document with nothing pending. */
    private record Drained(long published, boolean settled) {
        Drained plus(long more) {
            return new Drained(published + more, settled);
        }
    }

    private Mono<Drained> round(String collection, String topic, Object id, int round) {
        if (!backoff.mayTry()) {
            return Mono.just(new Drained(0, false));
        }
        return collection(collection).flatMap(c -> claimIndex(collection, c).then(claim(c, id))
                .flatMap(claimed -> claimed.busy() ? Mono.just(new Drained(0, false))
                        : publishInOrder(collection, topic, id, claimed)
                        .flatMap(outcome -> pullAndRelease(c, claimed, outcome)
                                .flatMap(more -> {
                                    long published = outcome.published().size();
                                    if (!more) {
                                        return Mono.just(new Drained(published, true));
                                    }
                                    if (outcome.failed() || round >= MAX_ROUNDS) {
                                        return Mono.just(new Drained(published, false));
                                    }
                                    return round(collection, topic, id, round + 1).map(next -> next.plus(published));
                                })))
                .defaultIfEmpty(new Drained(0, true)));
    }

    /**
     * A claim this drain holds (its token, until when the lease runs, the document's {@code _id} as
     * stored), or {@link #BUSY}: a live claim of another drain holds the document.
     */
    private record Claim(Document document, String token, Instant until) {
        boolean busy() {
            return document == null;
        }

        Object id() {
            return document.get("_id");
        }
    }

    private static final Claim BUSY = new Claim(null, null, null);

    /**
     * Reads the document by {@code _id}, then claims it by compare-and-set on {@code {_id,
     * outboxClaim.token}}. Empty when nothing is pending (or the document does not exist).
     */
    private Mono<Claim> claim(MongoCollection<Document> c, Object id) {
        var read = Projections.include(PendingEvents.FIELD, PendingEvents.CLAIM_FIELD);
        return Mono.from(c.find(idFilter(id)).projection(read).first()).flatMap(current -> {
            if (current.getList(PendingEvents.FIELD, Document.class, List.of()).isEmpty()) {
                return Mono.empty();
            }
            Instant now = clock.instant();
            var takeover = ClaimRule.takeover(current.get(PendingEvents.CLAIM_FIELD), now);
            if (takeover.isEmpty()) {
                return Mono.just(BUSY);
            }
            Instant until = now.plus(properties.lease());
            String token = UUID.randomUUID().toString();
            Bson setClaim = Updates.set(PendingEvents.CLAIM_FIELD,
                    new Document("owner", owner).append("until", Date.from(until)).append("token", token));
            Bson unchanged = claimFilter(current.get("_id"), takeover.get().expectedToken());
            return Mono.from(c.findOneAndUpdate(unchanged, setClaim, new FindOneAndUpdateOptions()
                            .returnDocument(ReturnDocument.AFTER).projection(read)))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(claimed -> {
                        if (claimed.isEmpty()) {
                            return Mono.just(BUSY); // someone claimed it between our read and our compare-and-set
                        }
                        var claim = new Claim(claimed.get(), token, until);
                        if (claimed.get().getList(PendingEvents.FIELD, Document.class, List.of()).isEmpty()) {
                            // a drain whose lease had run out pulled the last events meanwhile
                            return Mono.from(c.updateOne(claimFilter(claim.id(), token),
                                    Updates.unset(PendingEvents.CLAIM_FIELD))).then(Mono.<Claim>empty());
                        }
                        return Mono.just(claim);
                    });
        });
    }

    /** Exactly the keys of {@value #CLAIM_INDEX}, so the Mongo-wire server looks the document up in it. */
    static Document claimFilter(Object storedId, Object token) {
        return new Document("_id", storedId).append(CLAIM_TOKEN, token);
    }

    /**
     * Makes {@value #CLAIM_INDEX} once per collection (idempotent; a failure is logged and retried a
     * minute later: the claims stay correct without it, only slower on the Mongo-wire server).
     */
    private Mono<Void> claimIndex(String collection, MongoCollection<Document> c) {
        return claimIndexes.computeIfAbsent(collection, name -> Mono.from(c.createIndex(
                        Indexes.ascending("_id", CLAIM_TOKEN), new IndexOptions().unique(true).name(CLAIM_INDEX)))
                .doOnNext(index -> log.info("outbox claim index {} on {}", index, name))
                .then()
                .onErrorResume(error -> {
                    log.warn("outbox claim index on {} not made, retried in {}: {}", name, INDEX_RETRY, error.toString());
                    Mono.delay(INDEX_RETRY).subscribe(tick -> claimIndexes.remove(name));
                    return Mono.empty();
                })
                .cache());
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
    private Mono<Boolean> pullAndRelease(MongoCollection<Document> c, Claim claim, Outcome outcome) {
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
                claimFilter(claim.id(), claim.token()), Updates.combine(withRelease), options));
        // our lease ran out and another drain (maybe of this instance) holds the document now: still
        // remove what we sent, but leave its claim alone
        Mono<Document> theirs = changes.isEmpty() ? Mono.empty()
                : Mono.from(c.findOneAndUpdate(eq("_id", claim.id()), Updates.combine(changes), options));
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
