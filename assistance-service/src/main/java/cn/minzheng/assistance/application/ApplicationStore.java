package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.outbox.PendingEvents;
import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Cases in MongoDB. Every change is ONE conditional document update on {@code {_id, version}} that
 * sets the new state and pushes its events to the outbox; no multi-document transactions.
 */
@Component
public class ApplicationStore {
    static final String COUNTERS = "application_counters";
    static final String CLAIMS = "household_claims";
    private final ReactiveMongoTemplate mongo;

    public ApplicationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        mongo.getCollection(CaseDocuments.COLLECTION)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("ownerSubject", "_id"))))
                .then(mongo.getCollection(CaseDocuments.COLLECTION)
                        .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("regionCode", "status")))))
                .then(mongo.getCollection(CLAIMS).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("number"),
                        new IndexOptions().unique(false)))))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** {region}-{yyyyMMdd}-{seq}: the sequence comes from one atomic counter document per region and day. */
    public Mono<String> nextNumber(String regionCode, LocalDate day) {
        String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String key = regionCode + "-" + date;
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
                .map(d -> key + "-" + String.format("%04d", ((Number) d.get("seq")).longValue()));
    }

    /**
     * Claims every counted member for the program, so a second open application of the same
     * household is refused (409 naming the open case). A claim whose case is closed, or whose case
     * was never written (the instance died in between), is taken over.
     *
     * <p>Each claim remembers who submitted and with which {@code Idempotency-Key}. When the same
     * person sends the same key again and finds the household claimed by the case that key created,
     * that is the retry of a submission whose answer was lost — typically the instance was killed
     * after writing the case but before the idempotency record was completed, and the key's
     * in-flight lease has expired — so the answer is that case ({@link SameSubmission}), never a
     * second case and never a 409 that would leave the citizen without their number.
     */
    public Mono<Void> claimHousehold(String number, String program, List<String> memberIds, Submitter submitter) {
        return Flux.fromIterable(memberIds)
                .concatMap(id -> claim(number, program + "|" + id, submitter))
                .then()
                .onErrorResume(e -> e instanceof ConflictProblem || e instanceof SameSubmission,
                        e -> releaseClaims(number).then(Mono.error(e)));
    }

    /** Who submitted, and the {@code Idempotency-Key} they sent (null when they sent none). */
    public record Submitter(String subject, String idempotencyKey) {
        boolean sameRequestAs(Document claim) {
            return idempotencyKey != null && idempotencyKey.equals(claim.getString("idempotencyKey"))
                    && subject.equals(claim.getString("subject"));
        }
    }

    /** The household is claimed by the case this same request created before its answer was lost. */
    public static final class SameSubmission extends RuntimeException {
        private final String number;

        SameSubmission(String number) {
            super("the submission already created " + number, null, false, false);
            this.number = number;
        }

        public String number() {
            return number;
        }
    }

    private Mono<Void> claim(String number, String key, Submitter submitter) {
        Document claim = new Document("_id", key).append("number", number)
                .append("subject", submitter.subject()).append("idempotencyKey", submitter.idempotencyKey());
        return mongo.insert(claim, CLAIMS).then()
                .onErrorResume(DuplicateKeyException.class, dup -> mongo.findById(key, Document.class, CLAIMS)
                        .flatMap(existing -> {
                            String holder = existing.getString("number");
                            return find(holder).map(c -> !c.status().terminal()).defaultIfEmpty(false)
                                    .flatMap(open -> {
                                        if (open && submitter.sameRequestAs(existing)) {
                                            return Mono.error(new SameSubmission(holder));
                                        }
                                        return open
                                            ? Mono.error(new ConflictProblem("household-has-open-application", holder))
                                            : mongo.updateFirst(Query.query(Criteria.where("_id").is(key)
                                                            .and("number").is(holder)),
                                                    new Update().set("number", number).set("subject", submitter.subject())
                                                            .set("idempotencyKey", submitter.idempotencyKey()), CLAIMS)
                                                    .flatMap(r -> r.getModifiedCount() == 1 ? Mono.<Void>empty()
                                                            : Mono.error(new ConflictProblem(
                                                                    "household-has-open-application", holder)));
                                    });
                        }));
    }

    public Mono<Void> releaseClaims(String number) {
        return mongo.remove(Query.query(Criteria.where("number").is(number)), CLAIMS).then();
    }

    /** The applicant ID numbers of every case the account submitted: the ID numbers known to be that person's. */
    public Flux<String> applicantIdNumbersOf(String subject) {
        Query q = Query.query(Criteria.where("ownerSubject").is(subject));
        q.fields().include("submission.applicantIdNumber");
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION)
                .mapNotNull(d -> d.get("submission", Document.class) == null ? null
                        : d.get("submission", Document.class).getString("applicantIdNumber"))
                .distinct();
    }

    public Mono<AssistanceCase> insert(AssistanceCase c, String traceparent) {
        Document doc = CaseDocuments.state(c);
        doc.put(PendingEvents.FIELD, PendingEvents.documents(CaseDocuments.envelopes(c, traceparent)));
        return mongo.insert(doc, CaseDocuments.COLLECTION).thenReturn(c);
    }

    public Mono<AssistanceCase> find(String number) {
        return mongo.findById(number, Document.class, CaseDocuments.COLLECTION).map(CaseDocuments::fromDocument);
    }

    /** Writes {@code next} if the stored version is still {@code expectedVersion}; else 412. */
    public Mono<AssistanceCase> update(AssistanceCase next, long expectedVersion, String traceparent) {
        Update update = new Update();
        for (Map.Entry<String, Object> e : CaseDocuments.state(next).entrySet()) {
            if (!e.getKey().equals("_id")) {
                update.set(e.getKey(), e.getValue());
            }
        }
        PendingEvents.push(update, CaseDocuments.envelopes(next, traceparent));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(next.number()).and("version").is(expectedVersion)),
                        update, CaseDocuments.COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(next)
                        : find(next.number()).flatMap(current -> Mono.<AssistanceCase>error(
                                new StaleVersionProblem(expectedVersion, current.version()))));
    }

    /** A page in number order after {@code cursor}. */
    public Flux<AssistanceCase> page(Criteria criteria, String cursor, int limit) {
        Criteria c = cursor == null || cursor.isBlank() ? criteria
                : new Criteria().andOperator(criteria, Criteria.where("_id").gt(cursor));
        return mongo.find(Query.query(c).with(Sort.by("_id")).limit(limit), Document.class, CaseDocuments.COLLECTION)
                .map(CaseDocuments::fromDocument);
    }

    public Flux<AssistanceCase> dueBy(Criteria scope, LocalDate until, int limit) {
        Criteria c = new Criteria().andOperator(scope, Criteria.where("open").is(true),
                Criteria.where("openDue").lte(until.toString()));
        return mongo.find(Query.query(c).with(Sort.by("openDue", "_id")).limit(limit), Document.class,
                CaseDocuments.COLLECTION).map(CaseDocuments::fromDocument);
    }

    public Flux<Document> countOpenByStatus() {
        Query q = Query.query(Criteria.where("open").is(true));
        q.fields().include("status").include("openDue");
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION);
    }

    /** Cases with a county decision: the fields the completion metrics need. */
    public Flux<Document> decided() {
        Query q = Query.query(Criteria.where("decision").ne(null));
        q.fields().include("deadlines").include("acceptedOn").include("decision.decidedOn");
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION);
    }

    public static Criteria regionPrefix(String prefix) {
        if (!prefix.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("region prefix must be digits");
        }
        return Criteria.where("regionCode").regex("^" + prefix);
    }
}
