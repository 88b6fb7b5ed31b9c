package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainStore;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@link TrailProjection} of the service and their shared per-subject documents
 * ({@value #SUBJECTS}, {@code _id} = subject): ingest hands each batch to {@link #project}, which
 * writes one unordered bulk with one upsert per subject combining every projection's operators;
 * at start, a trail stored before a projection existed is read once to build it ({@link #start}).
 * Until that rebuild is complete, {@link #ready()} is false and readers use their slower path
 * (timeline: the scan by subject) or say so (on-time statistics: 503).
 *
 * <p>The marker {@value #MARKER} in {@value #STATE} records that a rebuild of this set of
 * projections completed once; a new projection gets a new marker id and is rebuilt the same way.
 */
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    public static final String STATE = "projection_state";
    /** One document per subject holding every projection's fields. */
    public static final String SUBJECTS = "subjects";
    /** Bump when a projection is added or its document shape changes. */
    public static final String MARKER = "subjects:eventIds+handling-clock+organization-events/v2";
    static final int REBUILD_BATCH = 1000;

    private final List<TrailProjection> all;
    private final MongoCollection<Document> state;
    private final ChainStore chains;
    private final MongoCollection<Document> subjects;
    private final Clock clock;
    private final AtomicBoolean ready = new AtomicBoolean();

    public Projections(List<TrailProjection> all, MongoDatabase database, ChainStore chains, Clock clock) {
        this.all = List.copyOf(all);
        this.state = database.getCollection(STATE);
        this.chains = chains;
        this.subjects = database.getCollection(SUBJECTS);
        this.clock = clock;
    }

    /** One upsert per subject of the batch, each combining every projection's operators. */
    public Mono<Void> project(List<IncomingEvent> events) {
        Map<String, List<Bson>> bySubject = new LinkedHashMap<>();
        for (TrailProjection p : all) {
            p.updates(events).forEach((subject, ops) -> bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).addAll(ops));
        }
        if (bySubject.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(bySubject.size());
        bySubject.forEach((subject, ops) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", subject),
                Updates.combine(ops), new UpdateOptions().upsert(true))));
        return Mono.from(subjects.bulkWrite(writes, new BulkWriteOptions().ordered(false))).then();
    }

    public boolean ready() {
        return ready.get();
    }

    /**
     * Whether the store holds the marker of a completed rebuild of the subject documents (one
     * {@code _id} read). Read models derived from those documents (the on-time projection reads a
     * case's handling clock back after setting a batch's facts) are trusted only while it is there: a
     * marker removed means the documents were lost or are being rebuilt.
     */
    public Mono<Boolean> intact() {
        return Mono.from(state.find(Filters.eq("_id", MARKER)).first()).hasElement();
    }

    /**
     * Prepares every projection; then, unless the marker says a rebuild completed before, reads
     * the whole trail once into them and sets the marker. Ingest keeps projecting meanwhile (both
     * are idempotent and order-free), so nothing stored during the rebuild is missed.
     */
    public Mono<Void> start() {
        return Flux.fromIterable(all).concatMap(p -> p.prepare(subjects)).then(
                Mono.from(state.find(Filters.eq("_id", MARKER)).first()).hasElement())
                .flatMap(done -> done ? Mono.just(-1L) : rebuild()
                        .flatMap(n -> Mono.from(state.replaceOne(Filters.eq("_id", MARKER),
                                new Document("_id", MARKER).append("records", n)
                                        .append("completedAt", clock.instant().toString()),
                                new ReplaceOptions().upsert(true))).thenReturn(n)))
                .doOnNext(n -> {
                    ready.set(true);
                    if (n >= 0) {
                        log.info("projections {} rebuilt from {} trail records", MARKER, n);
                    }
                })
                .then();
    }

    /**
     * Reads the whole trail once into every projection, chain by chain along the record ids
     * ({@link ChainStore#range}: {@code _id $in} batches, so memory stays bounded — a plain
     * {@code find()} comes back from the Mongo-wire server in one reply and a 100k-record trail
     * already exhausts a 384 MB heap); the count read.
     */
    Mono<Long> rebuild() {
        log.info("rebuilding projections {} from the trail", MARKER);
        return chains.heads().concatMap(stored -> chains.head(stored.chain()))
                .concatMap(head -> chains.range(head.chain(), 1, head.sequence())
                        .map(Projections::event)
                        .buffer(REBUILD_BATCH)
                        .concatMap(batch -> project(batch).thenReturn((long) batch.size())))
                .reduce(0L, Long::sum);
    }

    private static IncomingEvent event(AuditRecord r) {
        return new IncomingEvent(r.eventId(), r.topic(), r.partition(), r.offset(), r.type(), r.subject(), r.actorId(),
                r.actorRole(), r.regionCode(), r.time(), r.traceId(), r.data());
    }
}
