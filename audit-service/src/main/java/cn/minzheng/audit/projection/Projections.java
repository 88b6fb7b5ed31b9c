package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.RecordDocuments;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@link TrailProjection} of the service: ingest hands each batch to {@link #project}; at
 * start, a trail stored before a projection existed is read once to build it ({@link #start}).
 * Until that rebuild is complete, {@link #ready()} is false and readers use their slower path
 * (timeline: the scan by subject) or say so (on-time statistics: 503).
 *
 * <p>The marker {@value #MARKER} in {@value #STATE} records that a rebuild of this set of
 * projections completed once; a new projection gets a new marker id and is rebuilt the same way.
 */
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    public static final String STATE = "projection_state";
    /** Bump when a projection is added or its document shape changes. */
    public static final String MARKER = "subject_events+handling_cases/v1";
    static final int REBUILD_BATCH = 1000;

    private final List<TrailProjection> all;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> records;
    private final Clock clock;
    private final AtomicBoolean ready = new AtomicBoolean();

    public Projections(List<TrailProjection> all, MongoDatabase database, Clock clock) {
        this.all = List.copyOf(all);
        this.state = database.getCollection(STATE);
        this.records = database.getCollection(RecordDocuments.COLLECTION);
        this.clock = clock;
    }

    /** Hands one batch's events to every projection, one after the other. */
    public Mono<Void> project(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(all).concatMap(p -> p.project(events)).then();
    }

    public boolean ready() {
        return ready.get();
    }

    /**
     * Prepares every projection; then, unless the marker says a rebuild completed before, reads
     * the whole trail once into them and sets the marker. Ingest keeps projecting meanwhile (both
     * are idempotent and order-free), so nothing stored during the rebuild is missed.
     */
    public Mono<Void> start() {
        return Flux.fromIterable(all).concatMap(TrailProjection::prepare).then(
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

    /** Reads the whole trail once (a full scan, in batches) into every projection; the count read. */
    Mono<Long> rebuild() {
        log.info("rebuilding projections {} from the trail", MARKER);
        return Flux.from(records.find().batchSize(REBUILD_BATCH))
                .map(Projections::event)
                .buffer(REBUILD_BATCH)
                .concatMap(batch -> project(batch).thenReturn((long) batch.size()))
                .reduce(0L, Long::sum);
    }

    private static IncomingEvent event(Document d) {
        var r = RecordDocuments.fromDocument(d);
        return new IncomingEvent(r.eventId(), r.topic(), r.partition(), r.offset(), r.type(), r.subject(), r.actorId(),
                r.actorRole(), r.regionCode(), r.time(), r.traceId(), r.data());
    }
}
