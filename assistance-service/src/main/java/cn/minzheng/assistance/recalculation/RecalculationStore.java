package cn.minzheng.assistance.recalculation;

import cn.minzheng.assistance.standards.StandardKind;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recalculation runs in MongoDB (collection {@code standard_recalculations}, {@code _id} = run id). A
 * run is worked by one instance at a time: it holds a lease ({@code owner}, {@code leaseUntil}, wall
 * clock) renewed with every progress write, and every progress write is conditional on still holding it,
 * so an instance that lost its lease stops. A RUNNING run whose lease ran out (the instance died) is
 * claimed by the next instance that looks (at start-up, then every {@code resume-scan}).
 */
@Component
public class RecalculationStore {
    static final String COLLECTION = "standard_recalculations";
    static final String OWNER = "owner";
    static final String LEASE_UNTIL = "leaseUntil";
    private final ReactiveMongoTemplate mongo;

    public RecalculationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new run, held by {@code owner}; a run of the same id (a concurrent start) fails with a duplicate key. */
    public Mono<RecalculationRun> insert(RecalculationRun run, String owner, Instant leaseUntil) {
        Document doc = toDocument(run).append(OWNER, owner).append(LEASE_UNTIL, Date.from(leaseUntil));
        return mongo.insert(doc, COLLECTION).thenReturn(run);
    }

    public Mono<RecalculationRun> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(RecalculationStore::fromDocument);
    }

    /** The runs of a standard, oldest first. */
    public Flux<RecalculationRun> forStandard(String standardId) {
        return mongo.find(Query.query(Criteria.where("standardId").is(standardId)).with(Sort.by("startedAt", "_id")),
                Document.class, COLLECTION).map(RecalculationStore::fromDocument);
    }

    /** RUNNING runs nobody holds: the lease ran out (the instance that worked them stopped). */
    public Flux<RecalculationRun> abandoned(Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(RecalculationRun.Status.RUNNING.name())
                        .and(LEASE_UNTIL).lt(Date.from(now))), Document.class, COLLECTION)
                .map(RecalculationStore::fromDocument);
    }

    /**
     * Takes the run for {@code owner} if it is RUNNING with an expired lease, or FAILED (an explicit
     * resumption); the stored run after the claim, or empty when someone else holds it or it is completed.
     */
    public Mono<RecalculationRun> claim(String id, String owner, Instant now, Instant leaseUntil) {
        Criteria takeable = new Criteria().orOperator(
                Criteria.where("status").is(RecalculationRun.Status.FAILED.name()),
                new Criteria().andOperator(Criteria.where("status").is(RecalculationRun.Status.RUNNING.name()),
                        Criteria.where(LEASE_UNTIL).lt(Date.from(now))));
        Query q = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), takeable));
        Update u = new Update().set(OWNER, owner).set(LEASE_UNTIL, Date.from(leaseUntil))
                .set("status", RecalculationRun.Status.RUNNING.name()).set("finishedAt", null).set("failure", null);
        return mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
                .map(RecalculationStore::fromDocument);
    }

    /** Saves the run's progress if {@code owner} still holds it (and renews the lease); false when it does not. */
    public Mono<Boolean> save(RecalculationRun run, String owner, Instant leaseUntil) {
        Update u = new Update();
        toDocument(run).forEach((k, v) -> {
            if (!k.equals("_id")) {
                u.set(k, v);
            }
        });
        u.set(LEASE_UNTIL, Date.from(leaseUntil));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(run.id()).and(OWNER).is(owner)), u, COLLECTION)
                .map(r -> r.getMatchedCount() == 1);
    }

    static Document toDocument(RecalculationRun r) {
        return new Document("_id", r.id()).append("standardId", r.standardId()).append("regionPrefix", r.regionPrefix())
                .append("kind", r.kind().name()).append("effectiveMonth", r.effectiveMonth().toString())
                .append("standardFen", r.standardFen()).append("standardSource", r.standardSource())
                .append("status", r.status().name()).append("trigger", r.trigger()).append("startedBy", r.startedBy())
                .append("startedAt", r.startedAt() == null ? null : r.startedAt().toString())
                .append("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString())
                .append("batchSize", r.batchSize()).append("cursor", r.cursor()).append("batches", r.batches())
                .append("total", r.total()).append("changed", r.changed()).append("unchanged", r.unchanged())
                .append("skipped", r.skipped()).append("skippedBy", new Document(new LinkedHashMap<>(r.skippedBy())))
                .append("failure", r.failure());
    }

    static RecalculationRun fromDocument(Document d) {
        Map<String, Long> skippedBy = new LinkedHashMap<>();
        Document by = d.get("skippedBy", Document.class);
        if (by != null) {
            by.forEach((k, v) -> skippedBy.put(k, ((Number) v).longValue()));
        }
        return new RecalculationRun(d.getString("_id"), d.getString("standardId"), d.getString("regionPrefix"),
                StandardKind.valueOf(d.getString("kind")), YearMonth.parse(d.getString("effectiveMonth")),
                number(d, "standardFen"), d.getString("standardSource"),
                RecalculationRun.Status.valueOf(d.getString("status")), d.getString("trigger"), d.getString("startedBy"),
                instant(d, "startedAt"), instant(d, "finishedAt"), (int) number(d, "batchSize"), d.getString("cursor"),
                number(d, "batches"), number(d, "total"), number(d, "changed"), number(d, "unchanged"),
                number(d, "skipped"), skippedBy, d.getString("failure"));
    }

    private static long number(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Instant instant(Document d, String key) {
        String v = d.getString(key);
        return v == null ? null : Instant.parse(v);
    }
}
